// The check that runs before tfjs builds a saved model: the weights every layer of the topology
// would create (names, shapes, dtypes, derived from the topology alone) against the weight
// manifest. A file that fails costs no layer construction and no tensor.
import { deserializeLayer, type LayerClassInfo } from './layerFactory';
import { CheckContext, type SymbolicLayer } from './SymbolicLayer';
import { SymbolicModel } from './SymbolicModel';
import { isCfg, pythonicToTs } from './tsConfig';
import { TopologyIssue, showShape, type WeightDecl } from './topologyTypes';

/** One entry of a weight manifest (tfjs's WeightsManifestEntry, as the codec has checked it). */
export interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  group?: string;
}

/** What the check found. */
export interface TopologyReport {
  /** Weights whose shape the topology determines, all matching the manifest. */
  verified: number;
  /** Weights of custom layers (and layers after them) that only the manifest describes. */
  unverified: number;
  /** Layers in the topology (nested ones included). */
  layers: number;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function compare(decl: WeightDecl, spec: ManifestWeight, where: string): void {
  if (!sameShape(decl.shape, spec.shape))
    throw new TopologyIssue(
      `${where} creates the weight '${decl.name}' with the shape ${showShape(decl.shape)}, ` +
        `but the weight manifest gives it the shape ${showShape(spec.shape)}`,
    );
  if (decl.dtype !== spec.dtype)
    throw new TopologyIssue(
      `${where} creates the weight '${decl.name}' as ${decl.dtype}, but the weight manifest says ${spec.dtype}`,
    );
}

function matchWeights(ctx: CheckContext, specs: ManifestWeight[]): TopologyReport {
  const modelSpecs = specs.filter((s) => s.group !== 'optimizer');
  const byName = new Map<string, number>();
  specs.forEach((s) => {
    if (byName.has(s.name))
      throw new TopologyIssue(`the weight manifest has two weights named '${s.name}'`);
    byName.set(s.name, -1);
  });
  modelSpecs.forEach((s, i) => byName.set(s.name, i));
  const claimed = new Set<string>();
  let verified = 0;
  for (const owner of ctx.owners) {
    let last = -1;
    let lastName = '';
    for (const decl of owner.decls) {
      if (claimed.has(decl.name))
        throw new TopologyIssue(`two layers of the topology create a weight named '${decl.name}'`);
      const at = byName.get(decl.name) ?? -1;
      if (at < 0)
        throw new TopologyIssue(
          `${owner.where} creates the weight '${decl.name}' with the shape ${showShape(decl.shape)}, ` +
            'which the weight manifest does not have',
        );
      compare(decl, modelSpecs[at]!, owner.where);
      if (at < last)
        throw new TopologyIssue(
          `${owner.where}: the weight manifest stores '${decl.name}' before '${lastName}', ` +
            'but the layer creates them in the other order',
        );
      last = at;
      lastName = decl.name;
      claimed.add(decl.name);
      verified++;
    }
  }
  let unverified = 0;
  for (const s of modelSpecs) {
    if (claimed.has(s.name)) continue;
    if (!ctx.opaquePrefixes.some((p) => s.name.startsWith(p)))
      throw new TopologyIssue(
        `the weight manifest has the weight '${s.name}' of shape ${showShape(s.shape)}, which no layer of the topology creates`,
      );
    unverified++;
  }
  return { verified, unverified, layers: ctx.layers };
}

/**
 * Checks a saved model's topology against its weight manifest without tfjs: mirrors how
 * tfjs-layers 4.22 deserializes the topology (class by class, layer calls in its order) to
 * derive each weight's name, shape and dtype, and requires the manifest to hold exactly those
 * (in each layer's creation order). Also bounds what building would cost: the number of layers,
 * layer calls and nesting, shape sizes, the states of stateful RNNs; a layer graph tfjs could not
 * resolve (tfjs would loop forever) is refused.
 *
 * @param topology - the model topology as saved (`model.toJSON()`'s object)
 * @param specs - the weight manifest (sizes already checked against the bytes)
 * @param info - which class names are custom layers registered with tfjs here
 * @returns counts of the weights checked and of those only the manifest describes
 * @throws TopologyIssue (a message to prefix with the codec's "corrupted") for anything that does not fit
 */
export function checkTopology(
  topology: unknown,
  specs: ManifestWeight[],
  info: LayerClassInfo,
): TopologyReport {
  let top = topology;
  if (isCfg(top) && top.model_config != null) top = top.model_config;
  const ts = pythonicToTs(top);
  const ctx: CheckContext = new CheckContext((v, depth) => deserializeLayer(v, ctx, depth, info));
  const model: SymbolicLayer = deserializeLayer(ts, ctx, 0, info);
  if (!(model instanceof SymbolicModel))
    throw new TopologyIssue(`its topology is ${model.where}, not a model`);
  return matchWeights(ctx, specs);
}
