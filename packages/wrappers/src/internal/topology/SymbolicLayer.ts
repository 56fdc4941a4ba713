// A layer as the topology check sees it: what tfjs-layers' Layer does when a model is
// deserialized (build once, on the first call, then compute output shapes), with shapes and
// declared weights instead of tensors.
import { ConfigReader } from './tsConfig';
import { checkShape, elementCount } from './shapeMath';
import { LIMITS, TopologyIssue, showShape, type Shape, type WeightDecl } from './topologyTypes';

/** The shape of a tensor made by a layer the check cannot follow (a custom layer, or after one). */
export const OPAQUE = Symbol('opaque shape');
/** A symbolic tensor's shape, or OPAQUE. */
export type SymShape = Shape | typeof OPAQUE;

/** Thrown by computeOutputShape when an output depends on a custom layer (caught by apply). */
export const OPAQUE_OUTPUT = new Error('opaque output');

/** The weights one layer (or cell) creates, in creation order. */
export interface WeightOwner {
  where: string;
  decls: WeightDecl[];
}

/** Counts and collections shared by every layer of one topology. */
export class CheckContext {
  constructor(
    /** Builds a nested layer from its `{ className, config }` (the layer factory). */
    readonly deserialize: (v: unknown, depth: number) => SymbolicLayer,
  ) {}

  layers = 0;
  nodes = 0;
  stateElements = 0;
  readonly owners: WeightOwner[] = [];
  /** Name prefixes (`<layer>/`) of weights only the manifest describes (custom layers, after them). */
  readonly opaquePrefixes: string[] = [];

  countLayer(where: string): void {
    if (++this.layers > LIMITS.maxLayers)
      throw new TopologyIssue(`it has more than ${LIMITS.maxLayers} layers (at ${where})`);
  }

  private steps = 0;

  /**
   * Counts work that tfjs would repeat when it builds the model: passes over a functional
   * model's layers, and the layers a nested model runs through each time it is called.
   */
  spend(steps: number, where: string): void {
    this.steps += steps;
    if (this.steps > LIMITS.maxGraphSteps)
      throw new TopologyIssue(
        `building it would take more than ${LIMITS.maxGraphSteps} steps (at ${where}): its layers are ` +
          'listed far out of call order, or nested models are called many times',
      );
  }

  countNode(where: string): void {
    if (++this.nodes > LIMITS.maxNodes)
      throw new TopologyIssue(`it has more than ${LIMITS.maxNodes} layer calls (at ${where})`);
  }
}

const TENSOR_NAME = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;

/** tfjs-layers' Layer, symbolically. */
export class SymbolicLayer {
  readonly name: string;
  built = false;
  /** The input shape a first layer of a Sequential model declares (batchInputShape/inputShape). */
  batchInputShape: Shape | null = null;
  /** Output shapes of each call (inbound node), in call order. */
  readonly outputs: SymShape[][] = [];
  /** For messages: `layer 'dense_Dense1' (Dense)`. */
  readonly where: string;
  private owner: WeightOwner | undefined;

  constructor(
    protected readonly r: ConfigReader,
    readonly ctx: CheckContext,
    readonly className: string,
    /** How deep in models, wrappers and cells the layer sits. */
    readonly depth: number,
  ) {
    const name = r.cfg.name;
    if (typeof name !== 'string' || name.length === 0)
      throw new TopologyIssue(`a ${className} layer has no name`);
    this.name = name;
    this.where = `layer '${name}' (${className})`;
    r.where = this.where;
    ctx.countLayer(this.where);
    if (depth > LIMITS.maxNesting)
      throw new TopologyIssue(`${this.where} is nested deeper than ${LIMITS.maxNesting} levels`);
    if (r.has('weights'))
      throw new TopologyIssue(`${this.where} has initial 'weights' in its config`);
    if (r.has('batchInputShape')) this.batchInputShape = r.intList('batchInputShape', true);
    else if (r.has('inputShape'))
      this.batchInputShape = [
        r.has('batchSize') ? r.int('batchSize') : null,
        ...r.intList('inputShape', true),
      ];
  }

  /** Reads what the config adds to the base layer (called once, after construction). */
  init(): void {}

  /** Whether building allocates state (stateful RNNs). */
  get stateful(): boolean {
    return false;
  }

  /** Creates the weights for an input shape (Layer.build). */
  build(_input: Shape | Shape[], _scope: string[]): void {}

  /** The output shape(s) for an input shape (Layer.computeOutputShape: identity by default). */
  computeOutputShape(input: Shape | Shape[]): Shape | Shape[] {
    return input;
  }

  /** Declares a weight as `addWeight` creates it: `<scope>/<name>`. */
  addWeight(
    scope: string[],
    name: string,
    shape: number[],
    dtype: 'float32' | 'int32' = 'float32',
  ) {
    const full = [...scope, name].join('/');
    if (!TENSOR_NAME.test(full))
      throw new TopologyIssue(
        `${this.where} would create a weight with the invalid name '${full}'`,
      );
    elementCount(shape, `${this.where}'s weight '${full}'`);
    if (!this.owner) {
      this.owner = { where: this.where, decls: [] };
      this.ctx.owners.push(this.owner);
    }
    this.owner.decls.push({
      name: full,
      shape,
      dtype,
      layer: this.name,
      className: this.className,
    });
  }

  /**
   * Calls the layer on symbolic inputs (Layer.apply): builds it on the first call, then records
   * the output shapes as a new inbound node.
   */
  apply(inputs: SymShape[]): SymShape[] {
    this.ctx.countNode(this.where);
    if (inputs.length === 0) throw new TopologyIssue(`${this.where} is called without inputs`);
    let outs: SymShape[];
    if (inputs.some((s) => s === OPAQUE)) {
      if (!this.built) this.ctx.opaquePrefixes.push(`${this.name}/`);
      this.built = true;
      outs = [OPAQUE];
    } else {
      const shapes = inputs as Shape[];
      const input = shapes.length === 1 ? shapes[0]! : shapes;
      if (!this.built) {
        this.build(input, [this.name]);
        this.built = true;
      }
      let out: Shape | Shape[] | undefined;
      try {
        out = this.computeOutputShape(input);
      } catch (e) {
        if (e !== OPAQUE_OUTPUT) throw e;
      }
      outs = out === undefined ? this.opaqueOutputs() : isShapeList(out) ? out : [out];
      outs.forEach((s, i) => s === OPAQUE || checkShape(s, `the output ${i} of ${this.where}`));
    }
    this.outputs.push(outs);
    return outs;
  }

  /** The outputs of a call whose shapes depend on a custom layer. */
  protected opaqueOutputs(): SymShape[] {
    return [OPAQUE];
  }

  /** The single input shape of a layer that takes one input. */
  protected one(input: Shape | Shape[]): Shape {
    if (isShapeList(input)) {
      if (input.length !== 1)
        throw new TopologyIssue(`${this.where} takes one input, got ${input.length}`);
      return input[0]!;
    }
    return input;
  }

  /** Counts the zeros a stateful layer allocates when built. */
  protected addStates(shapes: (number | null)[][]): void {
    for (const s of shapes) {
      if (s.some((d) => d === null))
        throw new TopologyIssue(
          `${this.where} is stateful but its state shape ${showShape(s)} is not fully defined`,
        );
      this.ctx.stateElements += elementCount(s as number[], `${this.where}'s state`);
    }
    if (this.ctx.stateElements > LIMITS.maxStateElements)
      throw new TopologyIssue(
        `its stateful layers would allocate more than ${LIMITS.maxStateElements} state values (at ${this.where})`,
      );
  }
}

/** Whether a computed shape is a list of shapes (several outputs or inputs). */
export function isShapeList(v: Shape | Shape[]): v is Shape[] {
  return v.length > 0 && Array.isArray(v[0]);
}
