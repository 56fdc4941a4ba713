// The on-disk / in-memory format shared by saveEstimator, loadEstimator and worker travel.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import { dynamicImport } from './dynamicImport';

/** The `format` field of every estimator manifest. */
export const FORMAT_NAME = 'scikeras-ts-estimator';
/** The `formatVersion` this code writes and reads. */
export const FORMAT_VERSION = 1;
/** File names inside a saved directory. */
export const MANIFEST_FILE = 'estimator.json';
export const WEIGHTS_FILE = 'weights.bin';

/** One tfjs model of the estimator (`model_`, or a prebuilt model given as a param). */
export interface SavedModelEntry {
  /** `model.toJSON()`: the Keras-compatible topology. */
  modelTopology: Record<string, unknown>;
  /** tfjs weight specs of this model's bytes, model weights first, then the optimizer's (`group: 'optimizer'`). */
  weightSpecs: tf.io.WeightsManifestEntry[];
  /** Where this model's bytes start in the weights buffer. */
  byteOffset: number;
  /** How many bytes are this model's. */
  byteLength: number;
  /** The compiled optimizer's class and config (`null` if the model was not compiled). */
  optimizer: { className: string; config: unknown } | null;
  /** The compile arguments besides the optimizer, encoded (functions by registry name). */
  compile: { loss: unknown; metrics: unknown } | null;
}

/** The JSON half of a saved estimator (`estimator.json`). */
export interface EstimatorManifest {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  /** Which library wrote it. */
  generatedBy: string;
  /** The estimator's class name, looked up in the registry of classes when loading. */
  className: string;
  /** The encoded estimator: class name, params and fitted attributes. */
  estimator: Record<string, unknown>;
  /** Every tfjs model the estimator holds; `{ $scikeras: 'layersModel', ref }` points here. */
  models: SavedModelEntry[];
  /** The weights buffer (`weights.bin`): its size and SHA-256 (hex). */
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

function corrupt(where: string, what: string): ValueError {
  return new ValueError(`${where} is corrupted or was modified after it was saved: ${what}.`);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DTYPES = ['float32', 'int32', 'bool', 'string', 'complex64'];
const SPEC_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

/** Checks a parsed manifest's shape, before any of it is used. */
export function validateManifest(m: unknown, where: string): EstimatorManifest {
  if (!isObj(m)) throw corrupt(where, 'it is not a JSON object');
  if (m.format !== FORMAT_NAME) {
    throw new ValueError(
      `${where} is not a saved scikeras-ts estimator: its 'format' is ${JSON.stringify(m.format)}, ` +
        `expected '${FORMAT_NAME}'. Save estimators with saveEstimator; load plain tfjs models with tf.loadLayersModel.`,
    );
  }
  if (typeof m.formatVersion !== 'number' || !Number.isInteger(m.formatVersion))
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
  if (!Array.isArray(m.models)) throw corrupt(where, "'models' is missing");
  m.models.forEach((e: unknown, i: number) => {
    const at = `models[${i}]`;
    if (!isObj(e) || !isObj(e.modelTopology) || !Array.isArray(e.weightSpecs))
      throw corrupt(where, `${at} is invalid`);
    const { byteOffset, byteLength } = e;
    if (
      typeof byteOffset !== 'number' ||
      typeof byteLength !== 'number' ||
      !Number.isInteger(byteOffset) ||
      !Number.isInteger(byteLength) ||
      byteOffset < 0 ||
      byteLength < 0 ||
      byteOffset + byteLength > (w.byteLength as number)
    )
      throw corrupt(where, `${at} points outside the weights`);
    let bytes = 0;
    for (const s of e.weightSpecs as unknown[]) {
      if (
        !isObj(s) ||
        typeof s.name !== 'string' ||
        !DTYPES.includes(String(s.dtype)) ||
        !Array.isArray(s.shape) ||
        !s.shape.every((d) => Number.isInteger(d) && (d as number) >= 0) ||
        s.quantization !== undefined
      )
        throw corrupt(where, `${at} has an invalid weight spec`);
      const per = SPEC_BYTES[String(s.dtype)];
      if (per === undefined)
        throw corrupt(where, `${at} has a weight of unsupported dtype ${String(s.dtype)}`);
      bytes += per * (s.shape as number[]).reduce((a, b) => a * b, 1);
    }
    if (bytes !== byteLength)
      throw corrupt(where, `${at}'s weight specs do not add up to its ${byteLength} bytes`);
    if (e.optimizer !== null && !(isObj(e.optimizer) && typeof e.optimizer.className === 'string'))
      throw corrupt(where, `${at}.optimizer is invalid`);
    if (e.compile !== null && !isObj(e.compile)) throw corrupt(where, `${at}.compile is invalid`);
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

/** Base64 of bytes (for JSON-only channels such as worker travel). */
export function toBase64(buf: ArrayBuffer): string {
  const B = (globalThis as { Buffer?: { from(b: ArrayBuffer): { toString(enc: string): string } } })
    .Buffer;
  if (B) return B.from(buf).toString('base64');
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Bytes from base64. */
export function fromBase64(s: string): ArrayBuffer {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  const bytes = B ? B.from(s, 'base64') : Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  return ownArrayBuffer(bytes);
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
