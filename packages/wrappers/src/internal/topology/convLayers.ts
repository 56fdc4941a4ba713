// Symbolic versions of tfjs-layers' convolutional, pooling and padding layers
// (layers/convolutional.ts, convolutional_depthwise.ts, pooling.ts, padding.ts).
import { SymbolicLayer } from './SymbolicLayer';
import { convOutputLength, deconvLength, definedDim, expectRank } from './shapeMath';
import { TopologyIssue, showShape, type Shape } from './topologyTypes';

const FORMATS = ['channelsFirst', 'channelsLast'] as const;
const PADDINGS = ['valid', 'same', 'causal'] as const;

/** Conv1D/2D/3D, their transposes, SeparableConv2D and DepthwiseConv2D (BaseConv). */
export class ConvLayer extends SymbolicLayer {
  protected rank = this.className.includes('1D') ? 1 : this.className.includes('3D') ? 3 : 2;
  protected kernelSize = this.r.ints('kernelSize', this.rank);
  protected strides = this.r.ints('strides', this.rank, 1);
  protected padding = this.r.oneOf('padding', PADDINGS, 'valid');
  protected dataFormat = this.r.oneOf('dataFormat', FORMATS, 'channelsLast');
  protected dilation = this.r.ints('dilationRate', this.rank, 1);
  protected useBias = this.r.bool('useBias', true);
  private filters = this.className === 'DepthwiseConv2D' ? 0 : this.r.int('filters');
  private depthMultiplier = this.r.int('depthMultiplier', 1);
  private transposed = this.className.endsWith('Transpose');

  override init(): void {
    if ((this.transposed || this.className === 'SeparableConv2D') && this.padding === 'causal')
      throw new TopologyIssue(`${this.where} does not support padding 'causal'`);
  }

  private channelAxis(shape: Shape): number {
    return this.dataFormat === 'channelsFirst' ? 1 : shape.length - 1;
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    expectRank(shape, this.where, this.rank + 2, this.className === 'SeparableConv2D');
    const inDim = definedDim(shape, this.channelAxis(shape), this.where);
    const k = this.kernelSize;
    switch (this.className) {
      case 'DepthwiseConv2D':
        this.addWeight(scope, 'depthwise_kernel', [k[0]!, k[1]!, inDim, this.depthMultiplier]);
        if (this.useBias) this.addWeight(scope, 'bias', [inDim * this.depthMultiplier]);
        return;
      case 'SeparableConv2D':
        this.addWeight(scope, 'depthwise_kernel', [...k, inDim, this.depthMultiplier]);
        this.addWeight(scope, 'pointwise_kernel', [
          1,
          1,
          inDim * this.depthMultiplier,
          this.filters,
        ]);
        break;
      default:
        this.addWeight(
          scope,
          'kernel',
          this.transposed ? [...k, this.filters, inDim] : [...k, inDim, this.filters],
        );
    }
    if (this.useBias) this.addWeight(scope, 'bias', [this.filters]);
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, this.rank + 2);
    const first = this.dataFormat === 'channelsFirst';
    const space = first ? shape.slice(2) : shape.slice(1, shape.length - 1);
    const newSpace = space.map((d, i) =>
      this.transposed
        ? deconvLength(d, this.strides[i]!, this.kernelSize[i]!, this.padding)
        : convOutputLength(
            d,
            this.kernelSize[i]!,
            this.padding,
            this.strides[i]!,
            this.className === 'DepthwiseConv2D' ? 1 : this.dilation[i]!,
          ),
    );
    let channels: number | null = this.filters;
    if (this.className === 'DepthwiseConv2D') {
      const c = shape[this.channelAxis(shape)]!;
      channels = c === null ? null : c * this.depthMultiplier;
    }
    return first ? [shape[0]!, channels, ...newSpace] : [shape[0]!, ...newSpace, channels];
  }
}

/** Max/AveragePooling1D/2D/3D. */
export class PoolingLayer extends SymbolicLayer {
  private rank = this.className.includes('1D') ? 1 : this.className.includes('3D') ? 3 : 2;
  private poolSize = this.r.ints('poolSize', this.rank, 2);
  private strides = this.r.has('strides') ? this.r.ints('strides', this.rank) : this.poolSize;
  private padding = this.r.oneOf('padding', PADDINGS, 'valid');
  private dataFormat =
    this.rank === 1 ? 'channelsLast' : this.r.oneOf('dataFormat', FORMATS, 'channelsLast');

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, this.rank + 2);
    const first = this.dataFormat === 'channelsFirst';
    const space = first ? shape.slice(2) : shape.slice(1, shape.length - 1);
    const out = space.map((d, i) =>
      convOutputLength(d, this.poolSize[i]!, this.padding, this.strides[i]!),
    );
    return first ? [shape[0]!, shape[1]!, ...out] : [shape[0]!, ...out, shape[shape.length - 1]!];
  }
}

/** GlobalMax/AveragePooling1D/2D: [batch, channels]. */
export class GlobalPoolingLayer extends SymbolicLayer {
  private rank = this.className.includes('1D') ? 1 : 2;
  private dataFormat =
    this.rank === 1 ? 'channelsLast' : this.r.oneOf('dataFormat', FORMATS, 'channelsLast');

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, this.rank + 2);
    return [shape[0]!, this.dataFormat === 'channelsFirst' ? shape[1]! : shape[shape.length - 1]!];
  }
}

/** Reads [[top, bottom], [left, right]] from a number, a pair, or a pair of pairs. */
function pairs(v: unknown, fallback: number, where: string, key: string): number[][] {
  const ok = (x: unknown): x is number =>
    typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** 31;
  if (v === null || v === undefined)
    return [
      [fallback, fallback],
      [fallback, fallback],
    ];
  if (ok(v))
    return [
      [v, v],
      [v, v],
    ];
  if (Array.isArray(v) && v.length === 2 && ok(v[0]) && ok(v[1]))
    return [
      [v[0], v[0]],
      [v[1], v[1]],
    ];
  if (
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((p) => Array.isArray(p) && p.length === 2 && p.every(ok))
  )
    return v as number[][];
  throw new TopologyIssue(`${where} has an invalid ${key} ${JSON.stringify(v)}`);
}

/** ZeroPadding2D, Cropping2D and UpSampling2D. */
export class Spatial2DLayer extends SymbolicLayer {
  private dataFormat = this.r.oneOf('dataFormat', FORMATS, 'channelsLast');
  private amount =
    this.className === 'ZeroPadding2D'
      ? pairs(this.r.cfg.padding, 1, this.where, 'padding')
      : this.className === 'Cropping2D'
        ? pairs(this.r.cfg.cropping, 0, this.where, 'cropping')
        : [];
  private size = this.className === 'UpSampling2D' ? this.r.ints('size', 2, [2, 2]) : [];

  override init(): void {
    if (this.className === 'UpSampling2D') {
      this.r.oneOf('interpolation', ['nearest', 'bilinear'], 'nearest');
      if (typeof this.r.cfg.size === 'number')
        throw new TopologyIssue(`${this.where} has a size that is not a pair`);
    }
    if (this.className === 'Cropping2D' && this.r.cfg.cropping == null)
      throw new TopologyIssue(`${this.where} has no cropping`);
  }

  private resize(d: number | null, i: number): number | null {
    const [a, b] = this.amount[i] ?? [0, 0];
    // tfjs subtracts the cropping from an unknown dimension as from 0
    if (this.className === 'Cropping2D') return (d ?? 0) - a! - b!;
    if (d === null) return null;
    if (this.className === 'ZeroPadding2D') return d + a! + b!;
    return d * this.size[i]!;
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    expectRank(shape, this.where, 4);
    if (this.dataFormat === 'channelsFirst')
      return [shape[0]!, shape[1]!, this.resize(shape[2]!, 0), this.resize(shape[3]!, 1)];
    return [shape[0]!, this.resize(shape[1]!, 0), this.resize(shape[2]!, 1), shape[3]!];
  }
}

/** For messages about shapes that do not fit. */
export function mismatch(where: string, shapes: Shape[]): TopologyIssue {
  return new TopologyIssue(
    `${where} cannot take inputs of shapes ${shapes.map(showShape).join(', ')}`,
  );
}
