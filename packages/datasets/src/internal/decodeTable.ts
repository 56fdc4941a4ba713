import type { EmbeddedDataset } from './EmbeddedDataset';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// exact powers of ten: int / POW10[d] is then the correctly rounded decimal, as parseFloat gives it
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function digitValues(): Int8Array {
  const lookup = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  return lookup;
}

/**
 * Decodes an embedded table (the format of `scripts/embedData.cjs`) into a row-major
 * `Float64Array` of `nRows * nCols` values.
 *
 * @param ds - the embedded data set
 * @returns the values, row-major
 * @throws Error when the embedded string is corrupt (a build problem, never user input)
 */
export function decodeTable(ds: EmbeddedDataset): Float64Array {
  const { nRows, nCols, decimals, values } = ds;
  const lookup = digitValues();
  const scale = decimals.map((d) => POW10[d]!);
  const out = new Float64Array(nRows * nCols);
  let k = 0;
  let v = 0;
  let place = 1;
  for (let i = 0; i < values.length; i++) {
    const c = lookup[values.charCodeAt(i)] ?? -1;
    if (c < 0) throw new Error(`corrupt embedded data at character ${i}`);
    if (ds.small) {
      if (c >= 32)
        k += c - 30; // a run of zeros: the array is zero-filled
      else {
        out[k] = c / scale[k % nCols]!;
        k++;
      }
      continue;
    }
    v += (c & 31) * place;
    if (c & 32) place *= 32;
    else {
      out[k] = v / scale[k % nCols]!;
      k++;
      v = 0;
      place = 1;
    }
  }
  if (k !== nRows * nCols) throw new Error(`embedded data holds ${k} values, not ${nRows * nCols}`);
  for (const [index, x] of ds.exceptions) out[index] = x;
  return out;
}
