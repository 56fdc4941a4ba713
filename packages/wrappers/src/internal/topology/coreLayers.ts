// Symbolic versions of tfjs-layers' core, embedding, normalization, activation, noise and
// preprocessing layers (layers/core.ts, embeddings.ts, normalization.ts, advanced_activations.ts,
// noise.ts, preprocessing/*): their weights and output shapes.
import { SymbolicLayer } from './SymbolicLayer';
import { definedDim, expectRank } from './shapeMath';
import { TopologyIssue, showShape, type Shape } from './topologyTypes';

/** Dense: kernel [inputLastDim, units], bias [units]. */
export class DenseLayer extends SymbolicLayer {
  private units = this.r.int('units');
  private useBias = this.r.bool('useBias', true);

  override init(): void {
    if (this.batchInputShape === null && this.r.has('inputDim'))
      this.batchInputShape = [
        this.r.has('batchSize') ? this.r.int('batchSize') : null,
        this.r.int('inputDim'),
      ];
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    expectRank(shape, this.where, 2, true);
    const inDim = definedDim(shape, -1, this.where);
    this.addWeight(scope, 'kernel', [inDim, this.units]);
    if (this.useBias) this.addWeight(scope, 'bias', [this.units]);
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const out = this.one(input).slice();
    out[out.length - 1] = this.units;
    return out;
  }
}

/** Layers whose output has the input's shape and that create no weights. */
export class IdentityLayer extends SymbolicLayer {
  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    if (this.className === 'SpatialDropout1D') expectRank(shape, this.where, 3);
    return shape;
  }
}

/** Flatten: [batch, product of the other dimensions]. */
export class FlattenLayer extends SymbolicLayer {
  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, 3, true);
    let n = 1;
    for (const d of shape.slice(1)) {
      if (d === null)
        throw new TopologyIssue(
          `${this.where} needs a fully defined input shape, got ${showShape(shape)}`,
        );
      n *= d;
    }
    return [shape[0]!, n];
  }
}

/** Reshape, with tfjs's rules for the unknown (-1 or null) dimension. */
export class ReshapeLayer extends SymbolicLayer {
  private target = this.readTarget();

  private readTarget(): (number | null)[] {
    const raw = this.r.cfg.targetShape;
    if (!Array.isArray(raw) || raw.length > 15)
      throw new TopologyIssue(`${this.where} has an invalid targetShape`);
    return raw.map((d) => {
      if (d === null || (typeof d === 'number' && d < 0)) return null;
      if (typeof d !== 'number' || !Number.isInteger(d))
        throw new TopologyIssue(`${this.where} has an invalid targetShape`);
      return d;
    });
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    if (shape.some((d) => d === null)) return [shape[0]!, ...this.target];
    const original = (shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
    let known = 1;
    let unknown = -1;
    this.target.forEach((d, i) => {
      if (d !== null) known *= d;
      else if (unknown === -1) unknown = i;
      else throw new TopologyIssue(`${this.where} has more than one unknown dimension`);
    });
    const out = this.target.slice();
    if (unknown >= 0) {
      if (known === 0 || original % known !== 0)
        throw new TopologyIssue(
          `${this.where} cannot reshape ${showShape(shape)} to ${showShape(this.target)}`,
        );
      out[unknown] = original / known;
    } else if (original !== known) {
      throw new TopologyIssue(
        `${this.where} cannot reshape ${showShape(shape)} to ${showShape(this.target)}`,
      );
    }
    return [shape[0]!, ...out];
  }
}

/** Permute: dims is a permutation of 1..n (fewer than 10 dimensions, as tfjs's check allows). */
export class PermuteLayer extends SymbolicLayer {
  private dims = this.r.intList('dims', false, 1) as number[];

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const n = this.dims.length;
    const sorted = this.dims.slice().sort((a, b) => a - b);
    if (n >= 10 || !sorted.every((d, i) => d === i + 1))
      throw new TopologyIssue(
        `${this.where} has an invalid permutation ${JSON.stringify(this.dims)}`,
      );
    const shape = this.one(input);
    expectRank(shape, this.where, n + 1);
    const out = shape.slice();
    this.dims.forEach((d, i) => (out[i + 1] = shape[d]!));
    return out;
  }
}

/** RepeatVector: [batch, n, features]. */
export class RepeatVectorLayer extends SymbolicLayer {
  private n = this.r.int('n');

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, 2);
    return [shape[0]!, this.n, shape[1]!];
  }
}

/** Embedding: embeddings [inputDim, outputDim]. */
export class EmbeddingLayer extends SymbolicLayer {
  private inputDim = this.r.int('inputDim');
  private outputDim = this.r.int('outputDim');
  private inputLength: (number | null)[] | null = null;
  private dtype: 'float32' | 'int32' = 'float32';

  override init(): void {
    const declared = this.batchInputShape !== null;
    if (declared) this.dtype = this.r.oneOf('dtype', ['float32', 'int32'], 'float32');
    if (this.r.has('inputLength')) {
      const v = this.r.cfg.inputLength;
      this.inputLength = Array.isArray(v)
        ? this.r.intList('inputLength', true)
        : [this.r.int('inputLength')];
    }
    if (!declared)
      this.batchInputShape = [
        this.r.has('batchSize') ? this.r.int('batchSize') : null,
        ...(this.inputLength ?? [null]),
      ];
  }

  override build(_input: Shape | Shape[], scope: string[]): void {
    this.addWeight(scope, 'embeddings', [this.inputDim, this.outputDim], this.dtype);
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    if (this.inputLength === null) return [...shape, this.outputDim];
    if (this.inputLength.length !== shape.length - 1)
      throw new TopologyIssue(
        `${this.where}'s inputLength does not fit its input ${showShape(shape)}`,
      );
    const lens = this.inputLength.map((s1, k) => {
      const s2 = shape[k + 1]!;
      if (s1 !== null && s2 !== null && s1 !== s2)
        throw new TopologyIssue(
          `${this.where}'s inputLength does not fit its input ${showShape(shape)}`,
        );
      return s1 === null ? s2 : s1;
    });
    return [shape[0]!, ...lens, this.outputDim];
  }
}

/** PReLU: alpha of the input's shape (shared axes of size 1). */
export class PReLULayer extends SymbolicLayer {
  private shared: number[] | null = this.r.has('sharedAxes')
    ? typeof this.r.cfg.sharedAxes === 'number'
      ? [this.r.int('sharedAxes')]
      : (this.r.intList('sharedAxes', false, 1) as number[])
    : null;

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    const param = shape.slice(1);
    for (const i of this.shared ?? []) {
      if (i > param.length)
        throw new TopologyIssue(`${this.where} has an invalid shared axis ${i}`);
      param[i - 1] = 1;
    }
    if (param.some((d) => d === null))
      throw new TopologyIssue(
        `${this.where} needs a fully defined input shape, got ${showShape(shape)}`,
      );
    this.addWeight(scope, 'alpha', param as number[]);
  }
}

/** BatchNormalization: gamma, beta, moving_mean, moving_variance of the axis' size. */
export class BatchNormalizationLayer extends SymbolicLayer {
  // Keras writes axis: [3]; tfjs reads it as JavaScript does ([3] >= 0, shape[[3]])
  private axis =
    Array.isArray(this.r.cfg.axis) && this.r.cfg.axis.length === 1
      ? this.r.axis('axis', -1, this.r.cfg.axis[0])
      : this.r.axis('axis', -1);
  private center = this.r.bool('center', true);
  private scale = this.r.bool('scale', true);

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    const axis = this.axis >= 0 ? this.axis : this.axis + shape.length;
    if (axis < 0 || axis >= shape.length)
      throw new TopologyIssue(
        `${this.where} has axis ${this.axis} for the input ${showShape(shape)}`,
      );
    const dim = definedDim(shape, axis, this.where);
    if (this.scale) this.addWeight(scope, 'gamma', [dim]);
    if (this.center) this.addWeight(scope, 'beta', [dim]);
    this.addWeight(scope, 'moving_mean', [dim]);
    this.addWeight(scope, 'moving_variance', [dim]);
  }
}

/** LayerNormalization: gamma and beta over the normalized axes. */
export class LayerNormalizationLayer extends SymbolicLayer {
  private axes: number[] =
    typeof this.r.cfg.axis === 'number' || !this.r.has('axis')
      ? [this.r.axis('axis', -1)]
      : this.readAxes();
  private center = this.r.bool('center', true);
  private scale = this.r.bool('scale', true);

  private readAxes(): number[] {
    const v = this.r.cfg.axis;
    if (!Array.isArray(v) || v.length > 16 || !v.every((a) => Number.isInteger(a)))
      throw new TopologyIssue(`${this.where} has an invalid axis`);
    return v as number[];
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    const axes = this.axes.map((a) => (a < 0 ? a + shape.length : a));
    if (axes.some((a) => a < 0 || a >= shape.length) || new Set(axes).size !== axes.length)
      throw new TopologyIssue(`${this.where} has invalid axes for the input ${showShape(shape)}`);
    const param = axes.map((a) => definedDim(shape, a, this.where));
    if (this.scale) this.addWeight(scope, 'gamma', param);
    if (this.center) this.addWeight(scope, 'beta', param);
  }
}

/** CategoryEncoding: the last dimension becomes numTokens (or is added, for one-hot). */
export class CategoryEncodingLayer extends SymbolicLayer {
  private numTokens = this.r.int('numTokens');
  private mode = this.r.truthy('outputMode')
    ? this.r.oneOf('outputMode', ['oneHot', 'multiHot', 'count'], 'multiHot')
    : 'multiHot';

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const out = this.one(input).slice();
    if (this.mode === 'oneHot' && out[out.length - 1] !== 1) out.push(this.numTokens);
    else out[out.length - 1] = this.numTokens;
    return out;
  }
}

/** CenterCrop and Resizing (tfjs 4.22 computes [height, width, shape[2]] for Resizing). */
export class ImageSizeLayer extends SymbolicLayer {
  private height = this.r.int('height');
  private width = this.r.int('width');

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, 3, true);
    if (this.className === 'Resizing') {
      return [this.height, this.width, shape[2]!];
    }
    const out = shape.slice();
    out[out.length - 3] = this.height;
    out[out.length - 2] = this.width;
    return out;
  }
}

/** RandomWidth: tfjs 4.22 gives it the output shape [undefined, -1, channels]. */
export class RandomWidthLayer extends SymbolicLayer {
  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    throw new TopologyIssue(
      `${this.where}'s output shape is not defined in tfjs-layers 4.22 (input ${showShape(shape)})`,
    );
  }
}
