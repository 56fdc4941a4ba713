// Reads scikit-learn's bundled data sets (copied into apps/demo/data, see data/NOTICE) in their
// own file formats; the bytes come from the file system (Node) or from fetch (browser).

/** A supervised data set. */
export interface Dataset {
  /** Samples x features. */
  X: number[][];
  /** Integer class codes or continuous targets. */
  y: number[];
  /** Class names (classification). */
  targetNames?: string[];
}

/** Where the raw files come from: text of `name`, gunzipped when it ends with `.gz`. */
export type ReadText = (name: string) => Promise<string>;

/** The demo's data sets, loaded lazily and cached. */
export interface Datasets {
  iris(): Promise<Dataset>;
  breastCancer(): Promise<Dataset>;
  wine(): Promise<Dataset>;
  diabetes(): Promise<Dataset>;
  digits(): Promise<Dataset>;
}

/** The file names the loaders read. */
export const DATA_FILES = [
  'iris.csv',
  'breast_cancer.csv',
  'wine_data.csv',
  'diabetes_data_raw.csv.gz',
  'diabetes_target.csv.gz',
  'digits.csv.gz',
] as const;

function rows(text: string, sep: RegExp): number[][] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(sep).map(Number));
}

/**
 * Parses scikit-learn's `load_csv_data` format: a header `n_samples,n_features,name0,name1,...`,
 * then rows of features with the integer target last.
 *
 * @param text - the file's text
 * @returns the data set
 */
export function parseSklearnCsv(text: string): Dataset {
  const [header = '', ...rest] = text.split(/\r?\n/);
  const [nSamples, nFeatures, ...targetNames] = header.split(',');
  const data = rows(rest.join('\n'), /,/);
  if (data.length !== Number(nSamples) || data[0]?.length !== Number(nFeatures) + 1) {
    throw new Error(`Unexpected data file: header says ${nSamples} x ${nFeatures}.`);
  }
  return {
    X: data.map((r) => r.slice(0, -1)),
    y: data.map((r) => r[r.length - 1]!),
    targetNames,
  };
}

/**
 * The data sets, read through `read` (each file once).
 *
 * @param read - gives a file's text by name
 * @returns lazy, cached loaders
 */
export function loadDatasets(read: ReadText): Datasets {
  const cache = new Map<string, Promise<Dataset>>();
  const once = (key: string, make: () => Promise<Dataset>) => () => {
    let p = cache.get(key);
    if (!p) {
      p = make();
      cache.set(key, p);
    }
    return p;
  };
  return {
    iris: once('iris', async () => parseSklearnCsv(await read('iris.csv'))),
    breastCancer: once('bc', async () => parseSklearnCsv(await read('breast_cancer.csv'))),
    wine: once('wine', async () => parseSklearnCsv(await read('wine_data.csv'))),
    diabetes: once('diabetes', async () => {
      const X = rows(await read('diabetes_data_raw.csv.gz'), /\s+/);
      const y = rows(await read('diabetes_target.csv.gz'), /\s+/).map((r) => r[0]!);
      return { X, y };
    }),
    digits: once('digits', async () => {
      const data = rows(await read('digits.csv.gz'), /,/);
      return {
        X: data.map((r) => r.slice(0, -1)),
        y: data.map((r) => r[r.length - 1]!),
        targetNames: Array.from({ length: 10 }, (_, k) => String(k)),
      };
    }),
  };
}
