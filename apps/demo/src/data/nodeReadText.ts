// Node's file source for loadDatasets: apps/demo/data, gunzipped with zlib.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ReadText } from './loadDatasets';

/**
 * Reads data files from `dir` (gunzipping `.gz` files).
 *
 * @param dir - the folder holding the files
 * @returns a ReadText for loadDatasets
 */
export function nodeReadText(dir: string): ReadText {
  return async (name) => {
    const buf = readFileSync(join(dir, name));
    return (name.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  };
}
