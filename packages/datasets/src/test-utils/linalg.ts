// Small dense linear algebra for the tests: least squares and symmetric eigenvalues.

/** Solves the square system `M x = b` for several right-hand sides (Gaussian elimination). */
export function solve(M: number[][], B: number[][]): number[][] {
  const n = M.length;
  const A = M.map((row, i) => [...row, ...B[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < A[r]!.length; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => row.slice(n).map((v) => v / row[i]!));
}

/** `A^T B`. */
export function atb(A: number[][], B: number[][]): number[][] {
  const out = A[0]!.map(() => B[0]!.map(() => 0));
  A.forEach((a, i) => a.forEach((x, p) => B[i]!.forEach((y, q) => (out[p]![q]! += x * y))));
  return out;
}

/** Least squares `argmin_W ||A W - T||` by the normal equations (well-conditioned A only). */
export function lstsq(A: number[][], T: number[][]): number[][] {
  return solve(atb(A, A), atb(A, T));
}

/** The eigenvalues of a symmetric matrix, descending (cyclic Jacobi rotations). */
export function symmetricEigenvalues(S: number[][]): number[] {
  const A = S.map((r) => [...r]);
  const n = A.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (A[p]![q] === 0) continue;
        const theta = (A[q]![q]! - A[p]![p]!) / (2 * A[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k]![p]!;
          const akq = A[k]![q]!;
          A[k]![p] = c * akp - s * akq;
          A[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p]![k]!;
          const aqk = A[q]![k]!;
          A[p]![k] = c * apk - s * aqk;
          A[q]![k] = s * apk + c * aqk;
        }
      }
  }
  return A.map((r, i) => r[i]!).sort((a, b) => b - a);
}

/** The singular values of X, descending (square roots of the eigenvalues of the smaller Gram matrix). */
export function singularValues(X: number[][]): number[] {
  const G = X.length >= X[0]!.length ? atb(X, X) : atb(transpose(X), transpose(X));
  return symmetricEigenvalues(G).map((v) => Math.sqrt(Math.max(v, 0)));
}

export function transpose(X: number[][]): number[][] {
  return X[0]!.map((_, j) => X.map((r) => r[j]!));
}
