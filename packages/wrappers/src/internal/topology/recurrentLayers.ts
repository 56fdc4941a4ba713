// Symbolic versions of tfjs-layers' recurrent layers and cells (layers/recurrent.ts,
// convolutional_recurrent.ts): the cell's weights, built under the RNN layer's name.
import { SymbolicLayer } from './SymbolicLayer';
import { convOutputLength, definedDim, expectRank } from './shapeMath';
import { isCfg } from './tsConfig';
import { TopologyIssue, type Shape } from './topologyTypes';

/** SimpleRNNCell, GRUCell, LSTMCell and ConvLSTM2DCell: weights and state sizes. */
export class CellLayer extends SymbolicLayer {
  private conv = this.className === 'ConvLSTM2DCell';
  private units = this.conv ? this.r.int('filters') : this.r.int('units');
  private gates = this.className === 'SimpleRNNCell' ? 1 : this.className === 'GRUCell' ? 3 : 4;
  private useBias = this.r.bool('useBias', true);
  readonly kernelSize = this.conv ? this.r.ints('kernelSize', 2) : [];
  readonly strides = this.conv ? this.r.ints('strides', 2, 1) : [];
  readonly dilation = this.conv ? this.r.ints('dilationRate', 2, 1) : [];
  readonly padding = this.conv
    ? this.r.oneOf('padding', ['valid', 'same', 'causal'], 'valid')
    : 'valid';
  readonly dataFormat = this.conv
    ? this.r.oneOf('dataFormat', ['channelsFirst', 'channelsLast'], 'channelsLast')
    : 'channelsLast';

  override init(): void {
    if (this.className === 'GRUCell' && this.r.truthy('resetAfter'))
      throw new TopologyIssue(`${this.where} has resetAfter, which tfjs does not support`);
  }

  /** One entry per state; the first is the output size. */
  get stateSize(): number[] {
    return this.gates === 4 ? [this.units, this.units] : [this.units];
  }

  get filters(): number {
    return this.units;
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.one(input);
    const u = this.units;
    const g = this.gates;
    if (this.conv) {
      const axis = this.dataFormat === 'channelsFirst' ? 1 : shape.length - 1;
      const inDim = definedDim(shape, axis, this.where);
      this.addWeight(scope, 'kernel', [...this.kernelSize, inDim, u * g]);
      this.addWeight(scope, 'recurrent_kernel', [...this.kernelSize, u, u * g]);
    } else {
      const inDim = definedDim(shape, -1, this.where);
      this.addWeight(scope, 'kernel', [inDim, u * g]);
      this.addWeight(scope, 'recurrent_kernel', [u, u * g]);
    }
    if (this.useBias) this.addWeight(scope, 'bias', [u * g]);
  }
}

/** StackedRNNCells: its cells, each built under `RNNCell_<i>`, each on the previous one's output. */
export class StackedCellsLayer extends SymbolicLayer {
  private cells: (CellLayer | StackedCellsLayer)[] = [];

  override init(): void {
    const configs = this.r.cfg.cells;
    if (!Array.isArray(configs) || configs.length === 0)
      throw new TopologyIssue(`${this.where} has no cells`);
    const cells = configs.map((c) => this.ctx.deserialize(c, this.depth + 1));
    for (const c of cells) {
      if (!(c instanceof CellLayer || c instanceof StackedCellsLayer))
        throw new TopologyIssue(`${this.where} holds ${c.where}, which is not an RNN cell`);
      if (c instanceof CellLayer && c.className === 'ConvLSTM2DCell')
        throw new TopologyIssue(`${this.where} cannot stack convolutional cells`);
    }
    this.cells = cells as (CellLayer | StackedCellsLayer)[];
  }

  get stateSize(): number[] {
    return this.cells
      .slice()
      .reverse()
      .flatMap((c) => c.stateSize);
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    let shape = this.one(input);
    this.cells.forEach((cell, i) => {
      cell.build(shape, [...scope, `RNNCell_${i}`]);
      cell.built = true;
      shape = [shape[0]!, cell.stateSize[0]!];
    });
  }
}

/** RNN, SimpleRNN, GRU, LSTM and ConvLSTM2D. */
export class RNNLayer extends SymbolicLayer {
  cell!: CellLayer | StackedCellsLayer;
  private conv = this.className === 'ConvLSTM2D';
  readonly returnSequences = this.r.bool('returnSequences', false);
  readonly returnState = this.r.bool('returnState', false);
  private isStateful = this.r.bool('stateful', false);

  override init(): void {
    if (this.conv && this.r.truthy('unroll'))
      throw new TopologyIssue(`${this.where} cannot be unrolled`);
    const cell =
      this.className === 'RNN'
        ? this.r.cfg.cell
        : { className: `${this.className}Cell`, config: this.r.cfg };
    if (!isCfg(cell)) throw new TopologyIssue(`${this.where} has no cell config`);
    const built = this.ctx.deserialize(cell, this.depth + 1);
    if (!(built instanceof CellLayer || built instanceof StackedCellsLayer))
      throw new TopologyIssue(`${this.where}'s cell ${built.where} is not an RNN cell`);
    this.cell = built;
  }

  override get stateful(): boolean {
    return this.isStateful;
  }

  private first(input: Shape | Shape[]): Shape {
    return Array.isArray(input[0]) ? (input as Shape[])[0]! : (input as Shape);
  }

  override build(input: Shape | Shape[], scope: string[]): void {
    const shape = this.first(input);
    expectRank(shape, this.where, this.conv ? 5 : 3);
    this.cell.build([shape[0]!, ...shape.slice(2)], scope);
    this.cell.built = true;
    if (this.isStateful) {
      if (shape[0] === null)
        throw new TopologyIssue(`${this.where} is stateful but its batch size is not defined`);
      const single = this.conv ? this.convOutput(shape) : null;
      this.addStates(
        this.cell.stateSize.map((d) =>
          single ? [shape[0]!, ...single.slice(-3)] : [shape[0]!, d],
        ),
      );
    }
  }

  private convOutput(shape: Shape): Shape {
    const c = this.cell as CellLayer;
    const first = c.dataFormat === 'channelsFirst';
    const h = shape[first ? 3 : 2]!;
    const w = shape[first ? 4 : 3]!;
    const hOut = convOutputLength(h, c.kernelSize[0]!, c.padding, c.strides[0]!, c.dilation[0]!);
    const wOut = convOutputLength(w, c.kernelSize[1]!, c.padding, c.strides[1]!, c.dilation[1]!);
    return [...shape.slice(0, 2), ...(first ? [c.filters, hOut, wOut] : [hOut, wOut, c.filters])];
  }

  override computeOutputShape(input: Shape | Shape[]): Shape | Shape[] {
    const shape = this.first(input);
    if (this.conv) {
      let out = this.convOutput(shape);
      if (!this.returnSequences) out = [out[0]!, ...out.slice(2)];
      return this.returnState
        ? [out, [shape[0]!, ...out.slice(-3)], [shape[0]!, ...out.slice(-3)]]
        : out;
    }
    const states = this.cell.stateSize;
    const out = this.returnSequences ? [shape[0]!, shape[1]!, states[0]!] : [shape[0]!, states[0]!];
    return this.returnState ? [out, ...states.map((d) => [shape[0]!, d])] : out;
  }
}
