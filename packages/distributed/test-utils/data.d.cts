export declare const X: number[][];
export declare const yc: string[];
export declare const yr: number[];
