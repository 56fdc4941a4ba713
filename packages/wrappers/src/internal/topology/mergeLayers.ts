// Symbolic versions of tfjs-layers' merge layers (layers/merge.ts): no weights, output shapes.
import { SymbolicLayer, isShapeList } from './SymbolicLayer';
import { mismatch } from './convLayers';
import { TopologyIssue, type Shape } from './topologyTypes';

/** Merge.computeElementwiseOpOutputShape. */
function broadcast(a: Shape | null, b: Shape | null, where: string): Shape | null {
  if (a === null || b === null) return null;
  if (a.length < b.length) return broadcast(b, a, where);
  if (b.length === 0) return a;
  const out = a.slice(0, a.length - b.length);
  for (let k = 0; k < b.length; k++) {
    const i = a[a.length - b.length + k]!;
    const j = b[k]!;
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1) out.push(i);
    else if (i !== j) throw mismatch(where, [a, b]);
    else out.push(i);
  }
  return out;
}

/** Add, Multiply, Average, Maximum, Minimum, Concatenate and Dot. */
export class MergeLayer extends SymbolicLayer {
  private axis = this.className === 'Concatenate' ? this.r.axis('axis', -1) : -1;
  private axes = this.className === 'Dot' ? this.readAxes() : [];

  private readAxes(): number[] {
    const v = this.r.cfg.axes;
    if (typeof v === 'number' && Number.isInteger(v)) return [v, v];
    if (Array.isArray(v) && v.length === 2 && v.every((a) => Number.isInteger(a) && a >= 0))
      return v as number[];
    throw new TopologyIssue(`${this.where} has invalid axes ${JSON.stringify(v)}`);
  }

  private list(input: Shape | Shape[]): Shape[] {
    if (!isShapeList(input) || input.length < 2)
      throw new TopologyIssue(`${this.where} must be called on at least 2 inputs`);
    return input;
  }

  override build(input: Shape | Shape[]): void {
    const shapes = this.list(input);
    const batches = new Set(shapes.map((s) => s[0]).filter((d) => d !== null));
    if (this.className !== 'Concatenate' && this.className !== 'Dot' && batches.size > 1)
      throw mismatch(this.where, shapes);
    if (this.className === 'Concatenate') {
      const rest = shapes.map((s) => {
        const c = s.slice();
        c.splice(this.axis, 1);
        return JSON.stringify(c);
      });
      if (new Set(rest).size > 1) throw mismatch(this.where, shapes);
    }
  }

  override computeOutputShape(input: Shape | Shape[]): Shape {
    const shapes = this.list(input);
    if (this.className === 'Concatenate') return this.concat(shapes);
    if (this.className === 'Dot') return this.dot(shapes);
    let out: Shape | null = shapes[0]!.slice(1);
    for (const s of shapes.slice(1)) out = broadcast(out, s.slice(1), this.where);
    const batches = [...new Set(shapes.map((s) => s[0]).filter((d) => d !== null))];
    if (out === null) throw mismatch(this.where, shapes);
    return [batches.length === 1 ? batches[0]! : null, ...out];
  }

  private concat(shapes: Shape[]): Shape {
    const out = shapes[0]!.slice();
    const axis = this.axis < 0 ? out.length + this.axis : this.axis;
    if (axis < 0 || axis >= out.length) throw mismatch(this.where, shapes);
    for (const s of shapes.slice(1)) {
      const a = out[axis]!;
      const b = s[axis];
      if (a === null || b === null || b === undefined) {
        out[axis] = null;
        break;
      }
      out[axis] = a + b;
    }
    return out;
  }

  private dot(shapes: Shape[]): Shape {
    if (shapes.length !== 2) throw new TopologyIssue(`${this.where} must be called on 2 inputs`);
    const [s1, s2] = [shapes[0]!.slice(), shapes[1]!.slice()];
    if (s1.length > 3 || s2.length > 3) throw mismatch(this.where, shapes);
    const interp = (a: number, n: number) => (a < 0 ? ((a % n) + n) % n : a);
    const a1 = interp(this.axes[0]!, s1.length);
    const a2 = interp(this.axes[1]!, s2.length);
    if (a1 >= s1.length || a2 >= s2.length || s1[a1] !== s2[a2]) throw mismatch(this.where, shapes);
    s1.splice(a1, 1);
    s2.splice(a2, 1);
    s2.splice(0, 1);
    const out = [...s1, ...s2];
    if (out.length === 1) out.push(1);
    return out;
  }
}
