// Test helper: ml-matrix's Matrix as estimator-core loads it (ml-matrix is its dependency, not ours).
import { createRequire } from 'node:module';

interface MatrixLike {
  rows: number;
  columns: number;
  get(i: number, j: number): number;
  to2DArray(): number[][];
}
interface MatrixClass {
  new (rows: number[][]): MatrixLike;
  isMatrix(v: unknown): boolean;
}

export const Matrix = (
  createRequire(require.resolve('@scikeras/estimator-core'))('ml-matrix') as { Matrix: MatrixClass }
).Matrix;
export type Matrix = MatrixLike;
