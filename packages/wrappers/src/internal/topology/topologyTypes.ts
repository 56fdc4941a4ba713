// Shared vocabulary of the topology check: shapes, declared weights, limits and the one error.

/** A symbolic shape as tfjs-layers computes it: `null` for an unknown dimension (the batch). */
export type Shape = (number | null)[];

/** One weight a layer creates when it is built: its full (scoped) name, shape and dtype. */
export interface WeightDecl {
  /** The name tfjs gives the variable (`<scope>/<layer>/kernel`), which the weight manifest uses. */
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  /** The layer that creates it, for messages. */
  layer: string;
  className: string;
}

/** Limits that keep checking (and then building) a crafted topology cheap. */
export const LIMITS = {
  /** Layers in the whole topology (nested models, wrapped layers and RNN cells included). */
  maxLayers: 5000,
  /** Calls of layers (inbound nodes) in the whole topology. */
  maxNodes: 10000,
  /**
   * Work tfjs repeats while it builds a model: passes over a functional model's layers (a few
   * for any graph tfjs wrote, quadratic for one listed out of order on purpose), and the layers a
   * nested model runs through at each call (exponential for models nested and called repeatedly).
   */
  maxGraphSteps: 1_000_000,
  /** Models in models, wrappers in wrappers, cells in cells. */
  maxNesting: 32,
  /** Dimensions of a symbolic shape. */
  maxRank: 16,
  /** One dimension (tfjs indexes tensors with 32-bit integers). */
  maxDim: 2 ** 31 - 1,
  /** Elements of the zero states a stateful RNN allocates when it is built (64 MB of float32). */
  maxStateElements: 2 ** 24,
} as const;

/**
 * What is wrong with a topology (a message without the "corrupted" prefix): thrown by the
 * checker, turned into the codec's corrupted error by its caller.
 */
export class TopologyIssue extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopologyIssue';
  }
}

/** A shape as a message prints it: `[3,4]`, `[null,3]`. */
export function showShape(shape: readonly (number | null | undefined)[]): string {
  return `[${shape.map((d) => (d === undefined ? 'undefined' : String(d))).join(',')}]`;
}
