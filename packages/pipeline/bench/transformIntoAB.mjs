// `node packages/pipeline/bench/transformIntoAB.mjs`: ColumnTransformer (setOutput 'array2d') on the
// 1M x 20 data of run.mjs with the transformInto hook, against the same transformers with the hook
// hidden (the path before it), interleaved in one process (5 pairs, alternating order); checks
// that both give identical outputs first. Not part of `pnpm bench`: it compares two of our paths (AB_ROWS=n for fewer rows).
import { performance } from 'node:perf_hooks';
import { transformInto } from '@scikeras/estimator-core';
import { OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { ColumnTransformer } from '../dist/index.mjs';
class PlainScaler extends StandardScaler {
  static estimatorName = 'PlainScaler';
}
class PlainEncoder extends OneHotEncoder {
  static estimatorName = 'PlainEncoder';
}
for (const C of [PlainScaler, PlainEncoder])
  Object.defineProperty(C.prototype, transformInto, { value: undefined });
const N = Number(process.env.AB_ROWS ?? 1e6),
  D = 20,
  K = 5;
const data = new Float64Array(N * D);
for (let i = 0; i < N; i++)
  for (let j = 0; j < D; j++)
    data[i * D + j] =
      j < D / 2 ? ((i * 7919 + j * 104729) % 1000003) / 1000 : (i * 7919 + j * 13) % K;
const X = { data, shape: [N, D] };
const NUM = [...Array(10).keys()],
  CAT = NUM.map((j) => j + 10);
const make = (S, E) =>
  new ColumnTransformer({
    transformers: [
      ['num', new S(), NUM],
      ['cat', new E(), CAT],
    ],
  }).setOutput({ transform: 'array2d' });
const time = (f) => {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
};
const [, a] = time(() => make(StandardScaler, OneHotEncoder).fitTransform(X));
const [, b] = time(() => make(PlainScaler, PlainEncoder).fitTransform(X));
if (a.data.length !== b.data.length || a.data.some((v, k) => v !== b.data[k]))
  throw new Error('outputs differ');
console.log('identical outputs', a.shape);
const ratios = [];
for (let k = 0; k < 5; k++) {
  const order = k % 2 ? ['plain', 'hook'] : ['hook', 'plain'];
  const t = {};
  for (const o of order)
    t[o] = time(() =>
      (o === 'hook'
        ? make(StandardScaler, OneHotEncoder)
        : make(PlainScaler, PlainEncoder)
      ).fitTransform(X),
    )[0];
  ratios.push(t.plain / t.hook);
  console.log(
    `pair ${k}: hook ${t.hook.toFixed(0)} ms, no hook ${t.plain.toFixed(0)} ms, no-hook/hook ${(t.plain / t.hook).toFixed(2)}, load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
}
