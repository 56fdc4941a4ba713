import * as tf from '@tensorflow/tfjs';
import fixture from '../__fixtures__/numpy_dtypes.json';
import { canCastDtype, dtypeOfX } from './xDtype';

describe('dtypeOfX', () => {
  it.each(fixture.inferred as [unknown, string][])(
    'gives numpy’s dtype for the list %j (%s), except float64 for whole numbers (JS numbers are doubles)',
    (list, dtype) => {
      expect(dtypeOfX(list)).toBe(dtype === 'int64' ? 'float64' : dtype);
    },
  );

  it('takes a typed array’s and a tensor’s own dtype', () => {
    const before = tf.memory().numTensors;
    expect(dtypeOfX({ data: new Float32Array(4), shape: [2, 2] })).toBe('float32');
    expect(dtypeOfX({ data: new Uint8ClampedArray(4), shape: [2, 2] })).toBe('uint8');
    expect(dtypeOfX([Int16Array.of(1, 2), Int16Array.of(3, 4)])).toBe('int16');
    const t = tf.tensor2d([[1, 2]], undefined, 'int32');
    expect(dtypeOfX(t)).toBe('int32');
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('canCastDtype', () => {
  const pairs = Object.entries(fixture.can_cast).flatMap(([from, tos]) =>
    Object.entries(tos).map(([to, ok]) => [from, to, ok] as const),
  );
  it.each(pairs)('can_cast(%s, %s) is %s, as numpy says', (from, to, ok) => {
    expect(canCastDtype(from, to)).toBe(ok);
  });
});
