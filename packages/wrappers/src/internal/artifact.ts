// The on-disk / in-memory format shared by saveEstimator, loadEstimator and worker travel.
import { ValueError, corruptedError, type Json } from '@scikeras/estimator-core';
import { dynamicImport } from './dynamicImport';

/** The `format` field of every estimator manifest. */
export const FORMAT_NAME = 'scikeras-ts-estimator';
/** The `formatVersion` this code writes (it also reads 1, see formatV1.ts). */
export const FORMAT_VERSION = 2;
/** File names inside a saved directory. */
export const MANIFEST_FILE = 'estimator.json';
export const WEIGHTS_FILE = 'weights.bin';

/** Where one buffer of the encoded estimator (e.g. a model's weights) lies in the weights file. */
export interface SavedBuffer {
  byteOffset: number;
  byteLength: number;
}

/** The JSON half of a saved estimator (`estimator.json`). */
export interface EstimatorManifest {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  /** Which library wrote it. */
  generatedBy: string;
  /** The estimator's registered class name (see `registerEstimator`). */
  className: string;
  /**
   * The estimator as estimator-core's codec encodes it: class name, params and fitted
   * attributes; a tfjs model as `{ $scikeras: 'layersModel', modelTopology, weightSpecs,
   * buffer, optimizer, compile }`, its weights in `buffers[buffer]`.
   */
  estimator: Json;
  /** The codec's buffers, as byte ranges of the weights file (the fitted `model_`'s first). */
  buffers: SavedBuffer[];
  /** The weights file (`weights.bin`): its size and SHA-256 (hex). */
  weights: { file: string; byteLength: number; sha256: string };
  /** SHA-256 (hex) of this manifest serialized without this field. */
  sha256: string;
}

/**
 * A saved estimator in memory: the manifest (the content of `estimator.json`) and the weights
 * (the content of `weights.bin`).
 */
export interface EstimatorArtifact {
  manifest: EstimatorManifest;
  weightData: ArrayBuffer;
}

type Subtle = { digest(alg: string, data: ArrayBuffer | Uint8Array): Promise<ArrayBuffer> };

async function subtle(): Promise<Subtle> {
  const g = (globalThis as { crypto?: { subtle?: Subtle } }).crypto;
  if (g?.subtle) return g.subtle;
  const spec = 'node:crypto';
  const mod = (await dynamicImport(spec)) as { webcrypto: { subtle: Subtle } };
  return mod.webcrypto.subtle;
}

/** SHA-256 of bytes or of a string's UTF-8, as lowercase hex. */
export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await (await subtle()).digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest as hashed: its JSON without the `sha256` field. */
export function manifestHashInput(
  manifest: Omit<EstimatorManifest, 'sha256'> & { sha256?: unknown },
): string {
  const { sha256: _omit, ...rest } = manifest;
  return JSON.stringify(rest);
}

const corrupt = corruptedError;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks the format, version, hash fields and sizes of a parsed manifest, before any of it is
 * used (the hash itself is checked by {@link verifyArtifact}). Version 1 manifests pass here
 * and are upgraded after their hash is checked.
 */
export function validateManifest(m: unknown, where: string): EstimatorManifest {
  if (!isObj(m)) throw corrupt(where, 'it is not a JSON object');
  if (m.format !== FORMAT_NAME) {
    throw new ValueError(
      `${where} is not a saved scikeras-ts estimator: its 'format' is ${JSON.stringify(m.format)}, ` +
        `expected '${FORMAT_NAME}'. Save estimators with saveEstimator; load plain tfjs models with tf.loadLayersModel.`,
    );
  }
  if (
    typeof m.formatVersion !== 'number' ||
    !Number.isInteger(m.formatVersion) ||
    m.formatVersion < 1
  )
    throw corrupt(where, "'formatVersion' is missing");
  if (m.formatVersion > FORMAT_VERSION) {
    throw new ValueError(
      `${where} was written in format version ${m.formatVersion}, newer than this @scikeras/wrappers ` +
        `reads (${FORMAT_VERSION}). Upgrade @scikeras/wrappers to load it.`,
    );
  }
  if (typeof m.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.sha256))
    throw corrupt(where, "'sha256' is missing");
  if (typeof m.className !== 'string' || m.className.length === 0)
    throw corrupt(where, "'className' is missing");
  if (typeof m.generatedBy !== 'string') throw corrupt(where, "'generatedBy' is missing");
  if (!isObj(m.estimator)) throw corrupt(where, "'estimator' is missing");
  const w = m.weights;
  if (
    !isObj(w) ||
    typeof w.byteLength !== 'number' ||
    !Number.isInteger(w.byteLength) ||
    w.byteLength < 0 ||
    typeof w.sha256 !== 'string' ||
    typeof w.file !== 'string'
  )
    throw corrupt(where, "'weights' is missing or invalid");
  const ranges = m.formatVersion === 1 ? m.models : m.buffers;
  const what = m.formatVersion === 1 ? 'models' : 'buffers';
  if (!Array.isArray(ranges)) throw corrupt(where, `'${what}' is missing`);
  ranges.forEach((e: unknown, i: number) => {
    const r = e as Record<string, unknown> | null;
    if (
      !isObj(r) ||
      typeof r.byteOffset !== 'number' ||
      typeof r.byteLength !== 'number' ||
      !Number.isInteger(r.byteOffset) ||
      !Number.isInteger(r.byteLength) ||
      r.byteOffset < 0 ||
      r.byteLength < 0 ||
      r.byteOffset + r.byteLength > (w.byteLength as number)
    )
      throw corrupt(where, `${what}[${i}] points outside the weights`);
  });
  return m as unknown as EstimatorManifest;
}

/** Checks both hashes and the weights' size. */
export async function verifyArtifact(
  manifest: EstimatorManifest,
  weightData: ArrayBuffer,
  where: string,
): Promise<void> {
  if ((await sha256Hex(manifestHashInput(manifest))) !== manifest.sha256)
    throw corrupt(where, 'the SHA-256 of its manifest does not match');
  if (weightData.byteLength !== manifest.weights.byteLength) {
    throw corrupt(
      where,
      `the weights hold ${weightData.byteLength} bytes, the manifest says ${manifest.weights.byteLength}`,
    );
  }
  if ((await sha256Hex(weightData)) !== manifest.weights.sha256)
    throw corrupt(where, 'the SHA-256 of its weights does not match');
}

/**
 * A copy of the bytes in an ArrayBuffer of this realm (tfjs tests `instanceof ArrayBuffer`; Node's
 * Buffer pool and other realms' buffers fail that test).
 */
export function ownArrayBuffer(bytes: ArrayBufferView | ArrayBuffer): ArrayBuffer {
  const view =
    bytes instanceof ArrayBuffer || Object.prototype.toString.call(bytes) === '[object ArrayBuffer]'
      ? new Uint8Array(bytes as ArrayBuffer)
      : new Uint8Array(
          (bytes as ArrayBufferView).buffer,
          (bytes as ArrayBufferView).byteOffset,
          (bytes as ArrayBufferView).byteLength,
        );
  const out = new Uint8Array(view.byteLength);
  out.set(view);
  return out.buffer;
}
