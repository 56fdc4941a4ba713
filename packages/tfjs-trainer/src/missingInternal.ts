// The one check of every tfjs private field and internal the fast trainer reads (tfjs 4.22).
import * as tf from '@tensorflow/tfjs';
import { TRAINING_BACKENDS } from './training/registerTrainingKernels';

/** A field of an object, named for the warning, and whether it is what the trainer reads. */
type Probe = [field: string, ok: (o: any) => boolean];

const fn =
  (key: string): Probe[1] =>
  (o) =>
    typeof o?.[key] === 'function';
const num =
  (key: string): Probe[1] =>
  (o) =>
    typeof o?.[key] === 'number';
const arr =
  (key: string): Probe[1] =>
  (o) =>
    Array.isArray(o?.[key]);
const has =
  (key: string): Probe[1] =>
  (o) =>
    o != null && key in o;

/** The first probe `o` fails, as `Owner.field`, or null. */
function firstMissing(o: unknown, owner: string, probes: readonly Probe[]): string | null {
  for (const [field, ok] of probes)
    if (!ok(o)) return `${owner}${owner.endsWith("'s") ? ' ' : '.'}${field}`;
  return null;
}

/** The kernels the lean step and the fast kernels call by name on the cpu and wasm backends. */
const KERNELS_CALLED = [
  '_FusedMatMul',
  'BatchMatMul',
  'Transpose',
  'Softmax',
  'Sigmoid',
  'Tanh',
  'Identity',
  'Elu',
];

const BACKEND_PROBES: Record<string, readonly Probe[]> = {
  cpu: [
    ['data.get', (b) => typeof b?.data?.get === 'function'],
    ['makeTensorInfo', fn('makeTensorInfo')],
    ['disposeData', fn('disposeData')],
  ],
  wasm: [
    ['makeOutput', fn('makeOutput')],
    ['typedArrayFromHeap', fn('typedArrayFromHeap')],
    ['dataIdMap.get', (b) => typeof b?.dataIdMap?.get === 'function'],
    ['disposeData', fn('disposeData')],
    ['refCount', fn('refCount')],
    ['wasm.asm.memory', (b) => b?.wasm?.asm?.memory instanceof WebAssembly.Memory],
  ],
};

const MODEL_PROBES: readonly Probe[] = [
  ['loss', has('loss')],
  ['metricsTensors', arr('metricsTensors')],
  [
    'collectedTrainableWeights',
    (m) =>
      Array.isArray(m?.collectedTrainableWeights) &&
      m.collectedTrainableWeights.every((w: any) => typeof w?.read === 'function'),
  ],
  ['getDedupedMetricsNames', fn('getDedupedMetricsNames')],
  ['outputLayers', arr('outputLayers')],
  ['standardizeUserDataXY', fn('standardizeUserDataXY')],
  ['isTraining', (m) => typeof m?.isTraining === 'boolean'],
  ['stopTraining', has('stopTraining')],
];

const LAYER_PROBES: readonly Probe[] = [
  [
    'inboundNodes',
    (l) =>
      Array.isArray(l?.inboundNodes) && l.inboundNodes.every((n: any) => arr('inboundLayers')(n)),
  ],
];

const DENSE_PROBES: readonly Probe[] = [
  ['kernel', (l) => typeof l?.kernel?.read === 'function'],
  ['bias', (l) => has('bias')(l) && (l.bias === null || typeof l.bias.read === 'function')],
  ['activation', (l) => typeof l?.activation?.getClassName === 'function'],
  ...[
    'kernelRegularizer',
    'biasRegularizer',
    'activityRegularizer',
    'kernelConstraint',
    'biasConstraint',
  ].map((key): Probe => [key, has(key)]),
];

const SLOT_OPTIMIZER = (slots: readonly string[], numbers: readonly string[]): Probe[] => [
  ...numbers.map((key): Probe => [key, num(key)]),
  ...slots.map((key): Probe => [key, arr(key)]),
  ['incrementIterations', fn('incrementIterations')],
];

/** The optimizers the fused step updates itself (exact classes), with what it reads of them. */
const OPTIMIZER_PROBES = new Map<unknown, [string, readonly Probe[]]>([
  [
    tf.AdamOptimizer,
    [
      'AdamOptimizer',
      [
        ...SLOT_OPTIMIZER(
          ['accumulatedFirstMoment', 'accumulatedSecondMoment'],
          ['learningRate', 'beta1', 'beta2', 'epsilon'],
        ),
        ['accBeta1', (o) => o?.accBeta1 instanceof tf.Variable],
        ['accBeta2', (o) => o?.accBeta2 instanceof tf.Variable],
      ],
    ],
  ],
  [
    tf.RMSPropOptimizer,
    [
      'RMSPropOptimizer',
      [
        ['centered', (o) => typeof o?.centered === 'boolean'],
        ...SLOT_OPTIMIZER(
          ['accumulatedMeanSquares', 'accumulatedMoments'],
          ['learningRate', 'decay', 'momentum', 'epsilon'],
        ),
      ],
    ],
  ],
  [tf.SGDOptimizer, ['SGDOptimizer', SLOT_OPTIMIZER([], ['learningRate'])]],
]);

const backendResults = new WeakMap<object, string | null>();
const modelResults = new WeakMap<object, string | null>();
const optimizerResults = new WeakMap<object, string | null>();

function cached<K extends object>(
  cache: WeakMap<K, string | null>,
  key: K,
  check: () => string | null,
): string | null {
  let result = cache.get(key);
  if (result === undefined) {
    result = check();
    cache.set(key, result);
  }
  return result;
}

/**
 * The first internal of `backend` (registered as `backendName`) that the fast trainer reads and
 * does not find, uncached (see {@link missingInternal}).
 *
 * @param backend - a tfjs backend instance
 * @param backendName - its registered name, 'cpu' or 'wasm'
 * @returns `the <name> backend's <field>`, or null
 * @example
 * ```ts
 * backendMissingInternal(tf.findBackend('wasm')!, 'wasm'); // null on tfjs 4.22
 * ```
 */
export function backendMissingInternal(backend: object, backendName: string): string | null {
  for (const kernel of KERNELS_CALLED) {
    if (tf.getKernel(kernel, backendName) === undefined) {
      return `the ${backendName} backend's kernel '${kernel}'`;
    }
  }
  const probes = BACKEND_PROBES[backendName] ?? [];
  return firstMissing(backend, `the ${backendName} backend's`, probes);
}

function backendMissing(backendName: string): string | null {
  const backend = tf.findBackend(backendName) as object | null;
  if (backend === null) return null;
  return cached(backendResults, backend, () => backendMissingInternal(backend, backendName));
}

function layersMissing(model: tf.LayersModel): string | null {
  for (const layer of model.layers) {
    const name = layer.getClassName();
    const missing =
      firstMissing(layer, name, LAYER_PROBES) ??
      (name === 'Dense' ? firstMissing(layer, name, DENSE_PROBES) : null);
    if (missing !== null) return missing;
  }
  return null;
}

function optimizerMissing(optimizer: tf.Optimizer): string | null {
  const probes = OPTIMIZER_PROBES.get(optimizer.constructor);
  if (probes === undefined) return null; // updated by its own applyGradients
  return cached(optimizerResults, optimizer, () => firstMissing(optimizer, ...probes));
}

/**
 * Checks, once per model, optimizer and backend, every private field and internal of tfjs that
 * the fast trainer reads: the backend's buffers (cpu `data`, `makeTensorInfo`; wasm `dataIdMap`,
 * `makeOutput`, `typedArrayFromHeap`, its WebAssembly memory) and the kernels it calls by name,
 * the compiled model's training state (`collectedTrainableWeights`, `metricsTensors`,
 * `standardizeUserDataXY`, ...), its layers' (`inboundNodes`; a Dense layer's `kernel`, `bias`,
 * `activation`, regularizers and constraints), and the slots of an Adam, RMSProp or SGD
 * optimizer. Written against tfjs 4.22; on another version a renamed field turns the fast path
 * off instead of breaking a fit.
 *
 * @param model - the model about to train (an uncompiled one is not checked: `model.fit` refuses it)
 * @param backendName - the backend it trains on
 * @returns the first missing field, as `Owner.field`, or null when everything is in place (or
 *   the backend is one the fast trainer does not handle)
 * @example
 * ```ts
 * const missing = missingInternal(model);
 * if (missing !== null) console.log(`fast path off: ${missing} is missing`);
 * ```
 */
export function missingInternal(
  model: tf.LayersModel,
  backendName: string = tf.getBackend(),
): string | null {
  if (!TRAINING_BACKENDS.includes(backendName)) return null;
  const backend = backendMissing(backendName);
  if (backend !== null) return backend;
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  if (optimizer == null) return null; // not compiled: model.fit says so
  // a Sequential trains through its inner functional model
  const inner =
    model instanceof tf.Sequential ? (model as unknown as { model?: tf.LayersModel }).model : model;
  if (inner == null) return 'Sequential.model';
  const modelMissing = cached(
    modelResults,
    inner,
    () => firstMissing(inner, 'LayersModel', MODEL_PROBES) ?? layersMissing(inner),
  );
  return modelMissing ?? optimizerMissing(optimizer);
}
