// Which symbolic layer stands for which tfjs-layers class name: every layer class tfjs-layers
// 4.22 registers, plus the models. Anything else is a custom layer (when the caller says it is
// registered with tfjs) or refused.
import { BidirectionalLayer, TimeDistributedLayer } from './wrapperLayers';
import {
  BatchNormalizationLayer,
  CategoryEncodingLayer,
  DenseLayer,
  EmbeddingLayer,
  FlattenLayer,
  IdentityLayer,
  ImageSizeLayer,
  LayerNormalizationLayer,
  PermuteLayer,
  PReLULayer,
  RandomWidthLayer,
  RepeatVectorLayer,
  ReshapeLayer,
} from './coreLayers';
import { ConvLayer, GlobalPoolingLayer, PoolingLayer, Spatial2DLayer } from './convLayers';
import { MergeLayer } from './mergeLayers';
import { CellLayer, RNNLayer, StackedCellsLayer } from './recurrentLayers';
import { FunctionalSym, InputLayerSym, SequentialSym } from './SymbolicModel';
import { CheckContext, OPAQUE, SymbolicLayer, type SymShape } from './SymbolicLayer';
import { ConfigReader, isCfg, type Cfg } from './tsConfig';
import { TopologyIssue } from './topologyTypes';

type LayerClass = new (
  r: ConfigReader,
  ctx: CheckContext,
  className: string,
  depth: number,
) => SymbolicLayer;

function each(cls: LayerClass, names: string[]): [string, LayerClass][] {
  return names.map((n) => [n, cls]);
}

/** The layer classes of tfjs-layers 4.22 by their serialized class name. */
export const BUILTIN_LAYERS: ReadonlyMap<string, LayerClass> = new Map<string, LayerClass>([
  ['Dense', DenseLayer],
  ...each(IdentityLayer, [
    'Activation',
    'AlphaDropout',
    'Dropout',
    'ELU',
    'GaussianDropout',
    'GaussianNoise',
    'LeakyReLU',
    'Masking',
    'ReLU',
    'Rescaling',
    'Softmax',
    'SpatialDropout1D',
    'ThresholdedReLU',
  ]),
  ['Flatten', FlattenLayer],
  ['Reshape', ReshapeLayer],
  ['Permute', PermuteLayer],
  ['RepeatVector', RepeatVectorLayer],
  ['Embedding', EmbeddingLayer],
  ['PReLU', PReLULayer],
  ['BatchNormalization', BatchNormalizationLayer],
  ['LayerNormalization', LayerNormalizationLayer],
  ['CategoryEncoding', CategoryEncodingLayer],
  ...each(ImageSizeLayer, ['CenterCrop', 'Resizing']),
  ['RandomWidth', RandomWidthLayer],
  ...each(ConvLayer, [
    'Conv1D',
    'Conv2D',
    'Conv3D',
    'Conv2DTranspose',
    'Conv3DTranspose',
    'SeparableConv2D',
    'DepthwiseConv2D',
  ]),
  ...each(PoolingLayer, [
    'MaxPooling1D',
    'MaxPooling2D',
    'MaxPooling3D',
    'AveragePooling1D',
    'AveragePooling2D',
    'AveragePooling3D',
  ]),
  ...each(GlobalPoolingLayer, [
    'GlobalAveragePooling1D',
    'GlobalAveragePooling2D',
    'GlobalMaxPooling1D',
    'GlobalMaxPooling2D',
  ]),
  ...each(Spatial2DLayer, ['ZeroPadding2D', 'Cropping2D', 'UpSampling2D']),
  ...each(MergeLayer, ['Add', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate', 'Dot']),
  ...each(CellLayer, ['SimpleRNNCell', 'GRUCell', 'LSTMCell', 'ConvLSTM2DCell']),
  ['StackedRNNCells', StackedCellsLayer],
  ...each(RNNLayer, ['RNN', 'SimpleRNN', 'GRU', 'LSTM', 'ConvLSTM2D']),
  ['TimeDistributed', TimeDistributedLayer],
  ['Bidirectional', BidirectionalLayer],
  ['InputLayer', InputLayerSym],
  ['Sequential', SequentialSym],
  ['Model', FunctionalSym],
  ['Functional', FunctionalSym],
]);

/** A layer registered by the application (tf.serialization.registerClass): built by its own code. */
export class CustomLayerSym extends SymbolicLayer {
  override apply(): SymShape[] {
    this.ctx.countNode(this.where);
    if (!this.built) this.ctx.opaquePrefixes.push(`${this.name}/`);
    this.built = true;
    const outs: SymShape[] = [OPAQUE];
    this.outputs.push(outs);
    return outs;
  }
}

/** What the caller knows about the running tfjs. */
export interface LayerClassInfo {
  /** Whether `className` is a layer class the application registered with tfjs (a custom layer). */
  isCustomLayer(className: string): boolean;
  /**
   * For a class the application registered with tfjs that subclasses `tf.Sequential` or
   * `tf.LayersModel` (keeping their `fromConfig`): the built-in class tfjs builds it as.
   */
  modelBase?(className: string): 'Sequential' | 'Model' | undefined;
}

/** Builds the symbolic layer for a `{ className, config }` entry. */
export function deserializeLayer(
  v: unknown,
  ctx: CheckContext,
  depth: number,
  info: LayerClassInfo,
): SymbolicLayer {
  if (
    !isCfg(v) ||
    typeof v.className !== 'string' ||
    v.config === null ||
    typeof v.config !== 'object'
  )
    throw new TopologyIssue('it has a layer entry that is not { className, config }');
  const className = v.className;
  let config = v.config as Cfg;
  if (className === 'Sequential' && Array.isArray(config)) config = { layers: config };
  const base = BUILTIN_LAYERS.has(className) ? undefined : info.modelBase?.(className);
  const Klass =
    BUILTIN_LAYERS.get(base ?? className) ??
    (info.isCustomLayer(className) ? CustomLayerSym : undefined);
  if (!Klass)
    throw new TopologyIssue(
      `it names the layer class '${className}', which is neither a tfjs-layers layer nor a custom layer registered here`,
    );
  if ((Klass === SequentialSym || Klass === FunctionalSym) && typeof config.name !== 'string')
    config = { ...config, name: (base ?? className) === 'Sequential' ? 'sequential' : 'model' };
  const layer = new Klass(new ConfigReader(config, `a ${className} layer`), ctx, className, depth);
  layer.init();
  return layer;
}
