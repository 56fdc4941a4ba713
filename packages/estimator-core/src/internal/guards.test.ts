import { Matrix } from 'ml-matrix';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './guards';

describe('guards', () => {
  it('isTypedArray accepts number typed arrays only', () => {
    expect(isTypedArray(Float32Array.of(1))).toBe(true);
    expect(isTypedArray(new DataView(new ArrayBuffer(2)))).toBe(false);
    expect(isTypedArray(BigInt64Array.of(1n))).toBe(false);
    expect(isTypedArray([1])).toBe(false);
  });

  it('isArray2D needs a typed data and a 2-number shape, and is not a tensor', () => {
    expect(isArray2D({ data: new Float64Array(4), shape: [2, 2] })).toBe(true);
    expect(isArray2D({ data: [1, 2], shape: [1, 2] })).toBe(false);
    expect(isArray2D({ data: new Float64Array(2), shape: [2] })).toBe(false);
    expect(isArray2D({ data: new Float64Array(4), shape: [2, 2], rank: 2 })).toBe(false);
    expect(isArray2D(null)).toBe(false);
  });

  it('isMatrix recognises ml-matrix matrices', () => {
    expect(isMatrix(new Matrix(1, 1))).toBe(true);
    expect(isMatrix([[1]])).toBe(false);
  });

  it('isTensorLike duck-types tfjs tensors', () => {
    expect(isTensorLike({ shape: [1], rank: 1, dataSync: () => [] })).toBe(true);
    expect(isTensorLike({ shape: [1], rank: 1 })).toBe(false);
    expect(isTensorLike(undefined)).toBe(false);
  });
});
