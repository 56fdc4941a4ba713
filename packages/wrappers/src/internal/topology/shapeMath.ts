// The shape arithmetic of tfjs-layers (utils/conv_utils, math_utils), with overflow checks.
import { LIMITS, TopologyIssue, showShape, type Shape } from './topologyTypes';

/** conv_utils.convOutputLength. */
export function convOutputLength(
  length: number | null,
  filter: number,
  padding: string,
  stride: number,
  dilation = 1,
): number | null {
  if (length == null) return null;
  const dilated = filter + (filter - 1) * (dilation - 1);
  const out = padding === 'same' ? length : length - dilated + 1;
  return Math.floor((out + stride - 1) / stride);
}

/** conv_utils.deconvLength. */
export function deconvLength(
  dim: number | null,
  stride: number,
  kernel: number,
  padding: string,
): number | null {
  if (dim == null) return null;
  if (padding === 'valid') return dim * stride + Math.max(kernel - stride, 0);
  return dim * stride;
}

/** The number of elements of a fully defined shape, or a TopologyIssue when it overflows. */
export function elementCount(shape: readonly number[], what: string): number {
  let n = 1;
  for (const d of shape) {
    n *= d;
    if (!Number.isSafeInteger(n))
      throw new TopologyIssue(`${what} has the shape ${showShape(shape)}, whose size overflows`);
  }
  return n;
}

/**
 * Checks a shape a layer computed: integers in [0, 2^31) or null, at most 16 dimensions.
 * tfjs builds nothing from a negative or fractional dimension, and neither do we.
 */
export function checkShape(shape: unknown, what: string): Shape {
  if (!Array.isArray(shape) || shape.length > LIMITS.maxRank)
    throw new TopologyIssue(`${what} has an invalid shape ${JSON.stringify(shape)}`);
  for (const d of shape) {
    if (d === null) continue;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0)
      throw new TopologyIssue(
        `${what} has the shape ${showShape(shape)} with an invalid dimension`,
      );
    if (d > LIMITS.maxDim)
      throw new TopologyIssue(
        `${what} has the shape ${showShape(shape)}, whose dimensions overflow`,
      );
  }
  return shape as Shape;
}

/** The dimension at `axis` (negative counts from the end) that a weight needs defined. */
export function definedDim(shape: Shape, axis: number, what: string): number {
  const i = axis < 0 ? shape.length + axis : axis;
  const d = shape[i];
  if (d === null || d === undefined)
    throw new TopologyIssue(
      `${what} needs axis ${i} of its input defined, but its input shape is ${showShape(shape)}`,
    );
  return d;
}

/** Checks a layer's input rank (tfjs's InputSpec ndim / minNDim). */
export function expectRank(shape: Shape, what: string, ndim: number, atLeast = false): void {
  if (atLeast ? shape.length < ndim : shape.length !== ndim)
    throw new TopologyIssue(
      `${what} expects an input of ${atLeast ? 'at least ' : ''}${ndim} dimensions, got ${showShape(shape)}`,
    );
}
