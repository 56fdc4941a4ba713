// Symbolic versions of tfjs-layers' InputLayer, Sequential and functional models
// (engine/input_layer.ts, models.ts Sequential.fromConfig/add, engine/container.ts fromConfig):
// layers are built in the order tfjs builds them, and a graph tfjs could not resolve (it would
// loop forever) is reported instead.
import { OPAQUE, OPAQUE_OUTPUT, SymbolicLayer, type SymShape } from './SymbolicLayer';
import { checkShape } from './shapeMath';
import { ConfigReader, isCfg, type Cfg } from './tsConfig';
import { TopologyIssue, type Shape } from './topologyTypes';

/** InputLayer: one output, its batchInputShape, from its construction on. */
export class InputLayerSym extends SymbolicLayer {
  override init(): void {
    if (this.r.has('inputShape') && this.r.has('batchInputShape'))
      throw new TopologyIssue(`${this.where} has both inputShape and batchInputShape`);
    if (this.batchInputShape === null)
      throw new TopologyIssue(`${this.where} has neither inputShape nor batchInputShape`);
    checkShape(this.batchInputShape, this.where);
    this.built = true;
    this.outputs.push([this.batchInputShape]);
  }

  override apply(): SymShape[] {
    throw new TopologyIssue(`${this.where} is called on an input`);
  }
}

/** A model (Sequential or functional), usable as a layer of another model. */
export abstract class SymbolicModel extends SymbolicLayer {
  /** The shapes of its inputs and outputs after construction (its node 0). */
  inputShapes: SymShape[] = [];

  /** Output shapes for other input shapes (Container.computeOutputShape). */
  protected abstract replay(inputs: SymShape[]): SymShape[];

  override computeOutputShape(input: Shape | Shape[]): Shape | Shape[] {
    const inputs = Array.isArray(input[0]) ? (input as Shape[]) : [input as Shape];
    if (inputs.length !== this.inputShapes.length)
      throw new TopologyIssue(
        `${this.where} takes ${this.inputShapes.length} inputs, got ${inputs.length}`,
      );
    const outs = this.replay(inputs);
    if (outs.some((s) => s === OPAQUE)) throw OPAQUE_OUTPUT;
    return outs.length === 1 ? (outs[0] as Shape) : (outs as Shape[]);
  }

  protected override opaqueOutputs(): SymShape[] {
    return this.outputs[0]!.map((): SymShape => OPAQUE);
  }
}

function layerList(r: ConfigReader, where: string): unknown[] {
  const v = Array.isArray(r.cfg.layers) ? r.cfg.layers : undefined;
  if (!v) throw new TopologyIssue(`${where} has no 'layers' list`);
  return v;
}

/** Sequential.fromConfig + add. */
export class SequentialSym extends SymbolicModel {
  private layers: SymbolicLayer[] = [];

  override init(): void {
    let out: SymShape | undefined;
    for (const conf of layerList(this.r, this.where)) {
      const layer = this.ctx.deserialize(conf, this.depth + 1);
      this.layers.push(layer);
      out = out === undefined ? this.first(layer) : this.single(layer, layer.apply([out]));
    }
    if (out === undefined) throw new TopologyIssue(`${this.where} has no layers`);
    this.built = true;
    this.outputs.push([out]);
  }

  private single(layer: SymbolicLayer, outs: SymShape[]): SymShape {
    if (outs.length !== 1)
      throw new TopologyIssue(
        `${layer.where} has ${outs.length} outputs, which a Sequential model cannot take`,
      );
    return outs[0]!;
  }

  private first(layer: SymbolicLayer): SymShape {
    if (layer instanceof SymbolicModel) {
      if (layer.inputShapes.length !== 1)
        throw new TopologyIssue(`${layer.where} must have one input here`);
      this.inputShapes = layer.inputShapes;
      return this.single(layer, layer.outputs[0]!);
    }
    if (layer instanceof InputLayerSym) {
      this.inputShapes = [layer.batchInputShape!];
      return layer.outputs[0]![0]!;
    }
    if (layer.batchInputShape === null)
      throw new TopologyIssue(
        `${layer.where} is the first layer of ${this.where} but has no inputShape`,
      );
    const input = checkShape(layer.batchInputShape, layer.where);
    this.inputShapes = [input];
    return this.single(layer, layer.apply([input]));
  }

  protected replay(inputs: SymShape[]): SymShape[] {
    this.ctx.spend(this.layers.length, this.where);
    let out = inputs[0]!;
    this.layers.forEach((layer, i) => {
      if (i === 0 && layer instanceof InputLayerSym) return;
      if (out === OPAQUE || layer.outputs[0]?.some((s) => s === OPAQUE)) out = OPAQUE;
      else out = this.single(layer, [layer.computeOutputShape(out) as Shape]);
    });
    return [out];
  }
}

type Ref = [string, number, number];

function ref(v: unknown, where: string): Ref {
  if (
    !Array.isArray(v) ||
    v.length < 3 ||
    v.length > 4 ||
    typeof v[0] !== 'string' ||
    !Number.isInteger(v[1]) ||
    !Number.isInteger(v[2]) ||
    (v[1] as number) < 0 ||
    (v[2] as number) < 0
  )
    throw new TopologyIssue(`${where} has an invalid tensor reference ${JSON.stringify(v)}`);
  const kwargs = v[3];
  if (kwargs != null && (!isCfg(kwargs) || 'initialState' in kwargs || 'constants' in kwargs))
    throw new TopologyIssue(
      `${where} calls a layer with unsupported arguments ${JSON.stringify(kwargs)}`,
    );
  return [v[0], v[1] as number, v[2] as number];
}

interface ProcessedNode {
  layer: SymbolicLayer;
  refs: Ref[];
  nodeIndex: number;
}

/** Container.fromConfig (class 'Model' or 'Functional'). */
export class FunctionalSym extends SymbolicModel {
  private created = new Map<string, SymbolicLayer>();
  private order: ProcessedNode[] = [];
  private inputRefs: Ref[] = [];
  private outputRefs: Ref[] = [];

  override init(): void {
    const datas = layerList(this.r, this.where).map((d) => this.createLayer(d));
    this.resolve(datas);
    this.inputRefs = this.refList('inputLayers');
    this.outputRefs = this.refList('outputLayers');
    this.inputShapes = this.inputRefs.map((r) => this.tensor(r, this.where));
    this.built = true;
    this.outputs.push(this.outputRefs.map((r) => this.tensor(r, this.where)));
  }

  private createLayer(d: unknown): { layer: SymbolicLayer; nodes: Ref[][] } {
    if (!isCfg(d) || typeof d.name !== 'string' || !Array.isArray(d.inboundNodes))
      throw new TopologyIssue(`${this.where} has a layer entry without a name or inboundNodes`);
    const cfg = isCfg(d.config) ? (d.config as Cfg) : undefined;
    if (cfg && typeof cfg.name === 'string' && cfg.name !== d.name)
      throw new TopologyIssue(
        `${this.where} has a layer '${d.name}' whose config names it '${cfg.name}'`,
      );
    if (this.created.has(d.name))
      throw new TopologyIssue(`${this.where} has two layers named '${d.name}'`);
    const layer = this.ctx.deserialize(
      { className: d.className, config: cfg ? { ...cfg, name: d.name } : d.config },
      this.depth + 1,
    );
    this.created.set(d.name, layer);
    const nodes = (d.inboundNodes as unknown[]).map((node) => {
      if (!Array.isArray(node))
        throw new TopologyIssue(`${layer.where} has an invalid inbound node`);
      return node.map((v) => ref(v, layer.where));
    });
    return { layer, nodes };
  }

  /**
   * The while loop of Container.fromConfig: passes over the layers, each calling the layers whose
   * inputs exist. Stops when a pass makes no progress (tfjs would loop forever) or when the
   * passes would cost more than LIMITS.maxGraphSteps (a graph listed out of order on purpose).
   */
  private resolve(datas: { layer: SymbolicLayer; nodes: Ref[][] }[]): void {
    const pending = new Map<SymbolicLayer, Ref[][]>();
    for (const { layer, nodes } of datas) if (nodes.length > 0) pending.set(layer, nodes);
    while (pending.size > 0) {
      let progress = false;
      this.ctx.spend(datas.length, this.where);
      for (const { layer } of datas) {
        const nodes = pending.get(layer);
        if (!nodes) continue;
        this.ctx.spend(nodes.length, layer.where);
        // the nodes that wait keep their order (tfjs re-queues them); no copy when none is ready
        let rest: Ref[][] | undefined;
        nodes.forEach((node, i) => {
          if (this.processNode(layer, node)) rest ??= nodes.slice(0, i);
          else rest?.push(node);
        });
        if (rest === undefined) continue;
        progress = true;
        if (rest.length > 0) pending.set(layer, rest);
        else pending.delete(layer);
      }
      if (!progress)
        throw new TopologyIssue(
          `${this.where}'s layer graph cannot be built: a call of ${[...pending.keys()][0]!.where} refers to a layer or call that never exists`,
        );
    }
  }

  private processNode(layer: SymbolicLayer, refs: Ref[]): boolean {
    for (const [name, nodeIndex] of refs) {
      const inbound = this.created.get(name);
      if (!inbound || inbound.outputs.length <= nodeIndex) return false;
    }
    if (refs.length === 0) return true;
    const inputs = refs.map((r) => this.tensor(r, layer.where));
    const nodeIndex = layer.outputs.length;
    layer.apply(inputs);
    this.order.push({ layer, refs, nodeIndex });
    return true;
  }

  private tensor([name, nodeIndex, tensorIndex]: Ref, where: string): SymShape {
    const node = this.created.get(name)?.outputs[nodeIndex];
    // a custom layer may have any number of outputs: all of them are opaque
    const t = node?.[0] === OPAQUE ? OPAQUE : node?.[tensorIndex];
    if (t === undefined)
      throw new TopologyIssue(
        `${where} refers to a tensor ${JSON.stringify([name, nodeIndex, tensorIndex])} that does not exist`,
      );
    return t;
  }

  private refList(key: 'inputLayers' | 'outputLayers'): Ref[] {
    const v = this.r.cfg[key];
    if (!Array.isArray(v) || v.length === 0) throw new TopologyIssue(`${this.where} has no ${key}`);
    return v.map((x) => ref(x, this.where));
  }

  protected replay(inputs: SymShape[]): SymShape[] {
    this.ctx.spend(this.order.length, this.where);
    const shapes = new Map<string, SymShape>();
    const key = (n: string, i: number, t: number) => `${n}\u0000${i}\u0000${t}`;
    this.inputRefs.forEach(([n, i, t], k) => shapes.set(key(n, i, t), inputs[k]!));
    for (const { layer, refs, nodeIndex } of this.order) {
      const ins = refs.map(
        ([n, i, t]) => shapes.get(key(n, i, t)) ?? this.tensor([n, i, t], layer.where),
      );
      const recorded = layer.outputs[nodeIndex]!;
      let outs: SymShape[];
      if (ins.some((s) => s === OPAQUE) || recorded.some((s) => s === OPAQUE))
        outs = recorded.map((): SymShape => OPAQUE);
      else {
        const out = layer.computeOutputShape(
          ins.length === 1 ? (ins[0] as Shape) : (ins as Shape[]),
        );
        outs = Array.isArray(out[0]) ? (out as Shape[]) : [out as Shape];
      }
      outs.forEach((s, t) => shapes.set(key(layer.name, nodeIndex, t), s));
    }
    return this.outputRefs.map(
      ([n, i, t]) => shapes.get(key(n, i, t)) ?? this.tensor([n, i, t], this.where),
    );
  }
}
