// The checks a saved tfjs model passes before tfjs reads or builds any of it: its weight specs
// against the bytes of its weights, then its topology against its weight specs (checkTopology).
import * as tf from '@tensorflow/tfjs';
import { describePath, type DecodeContext, type Json } from '@scikeras/estimator-core';
import { checkTopology, type ManifestWeight } from './topology/checkTopology';
import { LIMITS, TopologyIssue } from './topology/topologyTypes';

type Body = { [k: string]: Json };

function isObj(v: Json | undefined): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

/** The bytes of one weight spec, or undefined when the spec is invalid or its size overflows. */
function specBytes(s: Json): number | undefined {
  const per = isObj(s) ? DTYPE_BYTES[String(s.dtype)] : undefined;
  if (
    !isObj(s) ||
    typeof s.name !== 'string' ||
    per === undefined ||
    !Array.isArray(s.shape) ||
    s.shape.length > LIMITS.maxRank ||
    !s.shape.every(
      (d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= LIMITS.maxDim,
    ) ||
    s.quantization !== undefined ||
    (s.group !== undefined && s.group !== 'model' && s.group !== 'optimizer')
  )
    return undefined;
  let n = per;
  for (const d of s.shape as number[]) n *= d;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Checks the weight specs against the buffer's size before tfjs reads any of it. */
function checkSpecs(specs: Json | undefined, bytes: number, path: string, ctx: DecodeContext) {
  if (!Array.isArray(specs)) throw ctx.corrupt(`${describePath(path)} has no weight specs`);
  let total = 0;
  for (const s of specs) {
    const n = specBytes(s);
    if (n === undefined) throw ctx.corrupt(`${describePath(path)} has an invalid weight spec`);
    total += n;
  }
  if (total !== bytes)
    throw ctx.corrupt(
      `the weight specs of ${describePath(path)} do not add up to its ${bytes} bytes`,
    );
  return specs as unknown as tf.io.WeightsManifestEntry[];
}

/** Whether a class name is a layer class the application registered with tfjs (a custom layer). */
function registeredClass(className: string): { prototype?: unknown } | undefined {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, unknown>;
  const entry = Object.prototype.hasOwnProperty.call(map, className) ? map[className] : undefined;
  const cls = Array.isArray(entry) ? (entry[0] as { prototype?: unknown }) : undefined;
  return typeof cls === 'function' ? cls : undefined;
}

function isCustomLayer(className: string): boolean {
  return registeredClass(className)?.prototype instanceof tf.layers.Layer;
}

/** A registered subclass of tfjs's models (scikeras's registered `Model` subclasses) is built as its base. */
function modelBase(className: string): 'Sequential' | 'Model' | undefined {
  const proto = registeredClass(className)?.prototype;
  if (proto instanceof tf.Sequential) return 'Sequential';
  return proto instanceof tf.LayersModel ? 'Model' : undefined;
}

/**
 * Checks a saved model before tfjs touches it: its weight specs (dtypes, shapes, sizes that do not
 * overflow) add up to the bytes of its weights, and its topology creates exactly those weights
 * (checkTopology). Nothing is built or allocated.
 *
 * @param topology - the saved `modelTopology`
 * @param specs - the saved weight specs (model weights, then optimizer weights)
 * @param bytes - the byte length of the weights
 * @param path - the model's path in the encoded value, for messages
 * @param ctx - the codec's decode context (its corrupted error)
 * @returns the specs, checked
 * @throws ValueError "... is corrupted or was modified after it was saved: ..." naming what does not fit
 * @example
 * ```ts
 * const specs = checkSavedModel(body.modelTopology, body.weightSpecs, bytes.byteLength, path, ctx);
 * ```
 */
export function checkSavedModel(
  topology: Json | undefined,
  specs: Json | undefined,
  bytes: number,
  path: string,
  ctx: DecodeContext,
): tf.io.WeightsManifestEntry[] {
  const checked = checkSpecs(specs, bytes, path, ctx);
  try {
    checkTopology(topology, checked as unknown as ManifestWeight[], { isCustomLayer, modelBase });
  } catch (e) {
    if (e instanceof TopologyIssue)
      throw ctx.corrupt(`the model of ${describePath(path)} is invalid: ${e.message}`);
    throw e;
  }
  return checked;
}
