// Predictions as plain arrays, whatever form the estimator returned.

/** Tensors (arraySync), Matrices (to2DArray) and typed arrays become plain arrays; arrays stay. */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  const o = v as {
    arraySync?: () => unknown;
    to2DArray?: () => unknown;
    data?: unknown;
    shape?: unknown;
  };
  if (typeof o.arraySync === 'function') return o.arraySync();
  if (typeof o.to2DArray === 'function') return o.to2DArray();
  if (ArrayBuffer.isView(o.data) && Array.isArray(o.shape) && o.shape.length === 2) {
    const [r, c] = o.shape as [number, number];
    const d = o.data as unknown as ArrayLike<number>;
    return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => d[i * c + j]!));
  }
  return v;
}
