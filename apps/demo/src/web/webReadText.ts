// The browser's file source for loadDatasets: the data files bundled by Vite as assets, fetched
// and gunzipped with DecompressionStream.
import irisUrl from '../../data/iris.csv?url';
import breastCancerUrl from '../../data/breast_cancer.csv?url';
import wineUrl from '../../data/wine_data.csv?url';
import diabetesXUrl from '../../data/diabetes_data_raw.csv.gz?url';
import diabetesYUrl from '../../data/diabetes_target.csv.gz?url';
import digitsUrl from '../../data/digits.csv.gz?url';
import type { ReadText } from '../data/loadDatasets';

const URLS: Record<string, string> = {
  'iris.csv': irisUrl,
  'breast_cancer.csv': breastCancerUrl,
  'wine_data.csv': wineUrl,
  'diabetes_data_raw.csv.gz': diabetesXUrl,
  'diabetes_target.csv.gz': diabetesYUrl,
  'digits.csv.gz': digitsUrl,
};

/**
 * Fetches a bundled data file (gunzipping `.gz` files).
 *
 * @param name - the file name
 * @returns its text
 */
export const webReadText: ReadText = async (name) => {
  const url = URLS[name];
  if (!url) throw new Error(`No bundled data file ${name}.`);
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Could not fetch ${name}: HTTP ${res.status}.`);
  if (!name.endsWith('.gz')) return res.text();
  const stream = res.body.pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
};
