// scikeras's scikeras/wrappers.py _get_metadata (MIT): the fitted attributes encoders provide.
import type { CheckedY, Label, Params } from '@scikeras/estimator-core';
import { typeOfTarget } from '@scikeras/target-utils';
import type { Transformer } from '../IdentityTransformer';

/** Fitted-state keys that a target encoder may provide (scikeras's `get_metadata`). */
export const ENCODER_META: readonly string[] = [
  'classes_',
  'nClasses_',
  'nOutputs_',
  'nOutputsExpected_',
  'targetType_',
  'yShape_',
];

/**
 * The attributes a fitted target encoder gives the wrapper: its `getMetadata()` (or the
 * {@link ENCODER_META} keys it has), with `targetType_` (`typeOfTarget(y)`, as scikeras's
 * `_validate_data` sets it before the encoder's metadata refines it), `nOutputs_` (y's column
 * count) and `nOutputsExpected_` (1) filled in when it gives none.
 *
 * @param encoder - the fitted target encoder
 * @param y - the validated y
 * @param yNdim - 1 or 2
 * @returns the attributes
 * @example
 * ```ts
 * encoderMetadata(new ClassifierLabelEncoder().fit([0, 1]), [0, 1], 1).nClasses_; // 2
 * ```
 */
export function encoderMetadata(encoder: Transformer, y: CheckedY, yNdim: number): Params {
  const enc = encoder as unknown as Params & { getMetadata?: () => Params };
  const meta: Params =
    typeof enc.getMetadata === 'function'
      ? { ...enc.getMetadata() }
      : Object.fromEntries(
          ENCODER_META.filter((k) => enc[k] !== undefined).map((k) => [k, enc[k]]),
        );
  if (meta.targetType_ === undefined && (y as ArrayLike<unknown>).length > 0) {
    meta.targetType_ = typeOfTarget(y as never);
  }
  if (meta.nOutputs_ === undefined) {
    meta.nOutputs_ = yNdim === 2 ? ((y as Label[][])[0]?.length ?? 1) : 1;
  }
  if (meta.nOutputsExpected_ === undefined) meta.nOutputsExpected_ = 1;
  return meta;
}

/**
 * The attributes a fitted feature encoder gives the wrapper (scikeras's `feature_encoder`
 * `get_metadata`): what its `getMetadata()` returns, or nothing when it has none.
 *
 * @param encoder - the fitted feature encoder
 * @returns the attributes (names ending in `_`)
 * @example
 * ```ts
 * featureEncoderMetadata(new IdentityTransformer().fit(X)); // {}
 * ```
 */
export function featureEncoderMetadata(encoder: Transformer): Params {
  const enc = encoder as unknown as { getMetadata?: () => Params };
  return typeof enc.getMetadata === 'function' ? { ...enc.getMetadata() } : {};
}

/**
 * Every fitted attribute of an estimator by name (scikeras's `meta`): own properties ending in
 * one `_`.
 *
 * @param est - the estimator
 * @returns the attributes
 * @example
 * ```ts
 * Object.keys(fittedAttributes(clf)); // ['model_', 'classes_', ...]
 * ```
 */
export function fittedAttributes(est: object): Params {
  const out: Params = {};
  for (const k of Object.keys(est)) {
    // only the fitted attributes' values are read (params are not touched)
    if (k.length > 1 && k.endsWith('_') && !k.endsWith('__') && !k.startsWith('_'))
      out[k] = (est as Params)[k];
  }
  return out;
}
