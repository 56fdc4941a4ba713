// Undo for training in place (warm start, partialFit): the model's weights and its optimizer's state.
import * as tf from '@tensorflow/tfjs';

type Slot = { originalName: string; variable: tf.Variable } | null | undefined;

interface SavedSlots {
  key: string;
  array: Slot[];
  entries: Slot[];
  values: (tf.Tensor | null)[];
}

function isSlotArray(v: unknown): v is Slot[] {
  return (
    Array.isArray(v) &&
    v.every((e) => e == null || (typeof e === 'object' && e.variable instanceof tf.Variable))
  );
}

function variablesIn(v: unknown): tf.Variable[] {
  if (v instanceof tf.Variable) return [v];
  if (isSlotArray(v)) return v.flatMap((e) => (e ? [e.variable] : []));
  return [];
}

/**
 * What training changes in a compiled model, saved so that a failed `partialFit` or warm-start
 * `fit` can put it back: every weight's value, and the optimizer's own state (its slot
 * variables such as Adam's moments, created lazily on the first step; its `iterations_` and
 * other scalars). Values are held as tensor copies (cheap on backends that share data).
 *
 * @example
 * ```ts
 * const snap = TrainingSnapshot.take(model);
 * try { await model.fit(x, y); snap.release(); } catch (e) { snap.restore(); throw e; }
 * ```
 */
export class TrainingSnapshot {
  private constructor(
    private readonly weights: [tf.Variable, tf.Tensor][],
    private readonly optimizer: Record<string, unknown> | null,
    private readonly variables: [string, tf.Variable, tf.Tensor][],
    private readonly slots: SavedSlots[],
    private readonly scalars: [string, unknown][],
  ) {}

  /**
   * Saves the state of a model and its optimizer.
   *
   * @param model - a compiled model
   * @returns the snapshot (restore it or release it)
   */
  static take(model: tf.LayersModel): TrainingSnapshot {
    const weights = model.weights.map((w): [tf.Variable, tf.Tensor] => {
      const v = w.read() as tf.Variable;
      return [v, tf.clone(v)];
    });
    const opt = (model as unknown as { optimizer_?: object }).optimizer_ as
      Record<string, unknown> | undefined;
    const variables: [string, tf.Variable, tf.Tensor][] = [];
    const slots: SavedSlots[] = [];
    const scalars: [string, unknown][] = [];
    for (const [key, v] of Object.entries(opt ?? {})) {
      if (v instanceof tf.Variable) variables.push([key, v, tf.clone(v)]);
      else if (isSlotArray(v)) {
        const entries = v.slice();
        const values = entries.map((e) => (e ? tf.clone(e.variable) : null));
        slots.push({ key, array: v, entries, values });
      } else if (v === null || typeof v !== 'object') scalars.push([key, v]);
    }
    return new TrainingSnapshot(weights, opt ?? null, variables, slots, scalars);
  }

  /** Puts every saved value back, frees optimizer state created since, and frees the copies. */
  restore(): void {
    for (const [variable, value] of this.weights) variable.assign(value);
    const opt = this.optimizer;
    if (opt) {
      const kept = new Set<tf.Variable>([
        ...this.variables.map(([, v]) => v),
        ...this.slots.flatMap((s) => s.entries.flatMap((e) => (e ? [e.variable] : []))),
      ]);
      const known = new Set([
        ...this.variables.map(([k]) => k),
        ...this.slots.map((s) => s.key),
        ...this.scalars.map(([k]) => k),
      ]);
      for (const [key, v] of Object.entries(opt)) {
        for (const variable of variablesIn(v)) if (!kept.has(variable)) variable.dispose();
        if (!known.has(key) && variablesIn(v).length > 0) delete opt[key];
      }
      for (const [key, variable, value] of this.variables) {
        opt[key] = variable;
        variable.assign(value);
      }
      for (const s of this.slots) {
        s.array.length = 0;
        s.entries.forEach((e, i) => {
          if (e) s.array[i] = e;
        });
        s.array.length = s.entries.length;
        opt[s.key] = s.array;
        s.entries.forEach((e, i) => e?.variable.assign(s.values[i]!));
      }
      for (const [key, v] of this.scalars) opt[key] = v;
    }
    this.release();
  }

  /** Frees the saved copies (after a successful fit). */
  release(): void {
    tf.dispose(this.weights.map(([, t]) => t));
    tf.dispose(this.variables.map(([, , t]) => t));
    for (const s of this.slots) tf.dispose(s.values.filter((t): t is tf.Tensor => t !== null));
    this.weights.length = 0;
    this.variables.length = 0;
    this.slots.length = 0;
  }
}
