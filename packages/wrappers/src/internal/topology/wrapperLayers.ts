// Symbolic versions of tfjs-layers' wrappers (layers/wrappers.ts): TimeDistributed builds its
// layer under its own name; Bidirectional builds forward_<name> and backward_<name> copies.
import { SymbolicLayer, isShapeList } from './SymbolicLayer';
import { RNNLayer } from './recurrentLayers';
import { expectRank } from './shapeMath';
import { isCfg, type Cfg } from './tsConfig';
import { TopologyIssue, type Shape } from './topologyTypes';

function layerConfig(layer: SymbolicLayer, r: { cfg: Cfg }): Cfg {
  const v = r.cfg.layer;
  if (!isCfg(v) || !isCfg(v.config) || typeof v.className !== 'string')
    throw new TopologyIssue(`${layer.where} has no valid 'layer' config`);
  return v;
}

/** TimeDistributed: the wrapped layer, built on [batch, ...shape.slice(2)]. */
export class TimeDistributedLayer extends SymbolicLayer {
  private layer!: SymbolicLayer;

  override init(): void {
    this.layer = this.ctx.deserialize(layerConfig(this, this.r), this.depth + 1);
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    expectRank(shape, this.where, 3, true);
    if (!this.layer.built) {
      this.layer.build([shape[0]!, ...shape.slice(2)], scope);
      this.layer.built = true;
    }
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shape = this.one(input);
    const child = this.layer.computeOutputShape([shape[0]!, ...shape.slice(2)]);
    if (isShapeList(child))
      throw new TopologyIssue(`${this.where} wraps a layer with several outputs`);
    return [child[0]!, shape[1]!, ...child.slice(1)];
  }
}

/** Bidirectional: two copies of an RNN layer (the backward one reads the sequence backwards). */
export class BidirectionalLayer extends SymbolicLayer {
  private forward!: RNNLayer;
  private backward!: RNNLayer;
  private mergeMode: string | null = 'concat';

  override init(): void {
    if (this.r.has('numConstants'))
      throw new TopologyIssue(`${this.where} has numConstants, which tfjs cannot deserialize`);
    if ('mergeMode' in this.r.cfg)
      this.mergeMode =
        this.r.cfg.mergeMode === null
          ? null
          : this.r.oneOf('mergeMode', ['sum', 'mul', 'concat', 'ave'], 'concat');
    const inner = layerConfig(this, this.r);
    const config = inner.config as Cfg;
    const copy = (prefix: string, goBackwards: boolean): RNNLayer => {
      const cfg: Cfg = { ...config, name: `${prefix}${String(config.name)}`, goBackwards };
      const layer = this.ctx.deserialize(
        { className: inner.className, config: cfg },
        this.depth + 1,
      );
      if (!(layer instanceof RNNLayer))
        throw new TopologyIssue(
          `${this.where} wraps ${layer.where}, which is not a recurrent layer`,
        );
      return layer;
    };
    if (typeof config.name !== 'string')
      throw new TopologyIssue(`${this.where} wraps a layer without a name`);
    this.forward = copy('forward_', config.goBackwards === true);
    this.backward = copy('backward_', config.goBackwards !== true);
  }

  override get stateful(): boolean {
    return this.forward.stateful;
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    this.forward.build(input, [...scope, this.forward.name]);
    this.backward.build(input, [...scope, this.backward.name]);
  }

  override computeOutputShape(input: Shape | Shape[]): Shape | Shape[] {
    const shapes = this.forward.computeOutputShape(input);
    const list = isShapeList(shapes) ? shapes : [shapes];
    const out = list[0]!.slice();
    const states = this.forward.returnState ? list.slice(1) : [];
    if (this.mergeMode === 'concat') {
      const last = out[out.length - 1];
      out[out.length - 1] = last === null || last === undefined ? null : last * 2;
    }
    const outs = this.mergeMode === null ? [out, out.slice()] : [out];
    if (this.forward.returnState) return [...outs, ...states, ...states.map((s) => s.slice())];
    return outs.length === 1 ? outs[0]! : outs;
  }
}
