// After scikit-learn's sklearn/datasets/_base.py load_csv_data and _convert_data_dataframe (BSD-3-Clause).
import type { FrameRecord, LoadOptions } from '../Bunch';
import { decodeTable } from './decodeTable';
import type { EmbeddedDataset } from './EmbeddedDataset';
import type { Constraint } from './validateParams';

/** The features (every column but the last) and the target (the last) of an embedded table. */
export function splitTable(ds: EmbeddedDataset): { X: number[][]; y: number[] } {
  const flat = decodeTable(ds);
  const d = ds.nCols - 1;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < ds.nRows; i++) {
    X.push(Array.from(flat.subarray(i * ds.nCols, i * ds.nCols + d)));
    y.push(flat[i * ds.nCols + d]!);
  }
  return { X, y };
}

/** The defaults of every loader's options. */
export const LOAD_DEFAULTS: Required<LoadOptions> = { returnXy: false, asFrame: false };

/** scikit-learn's `validate_params` constraints of every loader's options. */
export const LOAD_CONSTRAINTS = { returnXy: ['boolean'], asFrame: ['boolean'] } satisfies Record<
  keyof LoadOptions,
  Constraint[]
>;

function toRecords(X: number[][], featureNames: string[]): FrameRecord[] {
  return X.map((row) => {
    const rec: FrameRecord = {};
    featureNames.forEach((name, j) => {
      rec[name] = row[j]!;
    });
    return rec;
  });
}

/**
 * Assembles a loader's result: `[data, target]` with `returnXy`, else the bunch; with `asFrame`,
 * `data` as records and `frame` (the records with `target`), as `_convert_data_dataframe` does.
 */
export function finishLoad(
  X: number[][],
  y: number[],
  featureNames: string[],
  rest: Record<string, unknown>,
  options: Required<LoadOptions>,
): unknown {
  const data = options.asFrame ? toRecords(X, featureNames) : X;
  if (options.returnXy) return [data, y];
  const bunch: Record<string, unknown> = { data, target: y };
  if (options.asFrame)
    bunch.frame = (data as FrameRecord[]).map((r, i) => ({ ...r, target: y[i]! }));
  return { ...bunch, featureNames, ...rest };
}
