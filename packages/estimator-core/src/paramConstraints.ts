// Port of scikit-learn's sklearn/utils/_param_validation.py constraints (BSD-3-Clause).
import { ValueError } from './errors';
import { pyRepr } from './repr';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './internal/guards';

/**
 * One accepted kind of value for a param (scikit-learn's `_Constraint`): a test, and the words
 * that describe it in {@link validateParameterConstraints}'s message.
 *
 * @example
 * ```ts
 * new Interval('int', 1, null, { closed: 'left' }).isSatisfiedBy(0); // false
 * ```
 */
export abstract class ParamConstraint {
  /** Left out of error messages (scikit-learn's `Hidden`). */
  hidden = false;
  /** Whether `value` satisfies this constraint. */
  abstract isSatisfiedBy(value: unknown): boolean;
  /** How the message names the constraint, e.g. `an int in the range [1, inf)`. */
  abstract toString(): string;
}

/** The number kinds of an {@link Interval} or {@link Options}: Python's `Integral` and `Real`. */
export type NumberKind = 'int' | 'float';

function isKind(value: unknown, kind: NumberKind): value is number {
  return typeof value === 'number' && (kind === 'float' || Number.isInteger(value));
}

function article(kind: NumberKind | 'str'): string {
  return kind === 'int' ? 'an int' : `a ${kind}`;
}

/**
 * A typed range of numbers (scikit-learn's `Interval`): `'int'` admits integers only, `'float'`
 * any number but NaN; `null` bounds are infinite.
 *
 * @example
 * ```ts
 * String(new Interval('int', 1, null, { closed: 'left' })); // 'an int in the range [1, inf)'
 * new Interval('float', 0, 1, { closed: 'left' }).isSatisfiedBy(1); // false
 * ```
 */
export class Interval extends ParamConstraint {
  constructor(
    readonly type: NumberKind,
    readonly left: number | null,
    readonly right: number | null,
    readonly options: { closed: 'left' | 'right' | 'both' | 'neither' },
  ) {
    super();
    const { closed } = options;
    if (type === 'int') {
      const suffix = 'for an interval over the integers.';
      if (left !== null && !Number.isInteger(left))
        throw new TypeError(`Expecting left to be an int ${suffix}`);
      if (right !== null && !Number.isInteger(right))
        throw new TypeError(`Expecting right to be an int ${suffix}`);
      if (left === null && (closed === 'left' || closed === 'both'))
        throw new ValueError(`left can't be None when closed == ${closed} ${suffix}`);
      if (right === null && (closed === 'right' || closed === 'both'))
        throw new ValueError(`right can't be None when closed == ${closed} ${suffix}`);
    }
    if (left !== null && right !== null && right <= left) {
      throw new ValueError(`right can't be less than left. Got left=${left} and right=${right}`);
    }
  }

  /** Whether a number lies in the range (type not checked; NaN never does). */
  contains(value: number): boolean {
    if (Number.isNaN(value)) return false;
    const { closed } = this.options;
    const left = this.left ?? -Infinity;
    const right = this.right ?? Infinity;
    const leftOk = closed === 'left' || closed === 'both' ? value >= left : value > left;
    const rightOk = closed === 'right' || closed === 'both' ? value <= right : value < right;
    return leftOk && rightOk;
  }

  override isSatisfiedBy(value: unknown): boolean {
    return isKind(value, this.type) && this.contains(value);
  }

  override toString(): string {
    const { closed } = this.options;
    const lb = closed === 'left' || closed === 'both' ? '[' : '(';
    const rb = closed === 'right' || closed === 'both' ? ']' : ')';
    return `${article(this.type)} in the range ${lb}${this.left ?? '-inf'}, ${this.right ?? 'inf'}${rb}`;
  }
}

/**
 * A finite set of numbers of one kind (scikit-learn's `Options`).
 *
 * @remarks scikit-learn writes "a int among {...}"; we write "an int".
 * @example
 * ```ts
 * String(new Options('int', [-1])); // 'an int among {-1}'
 * ```
 */
export class Options extends ParamConstraint {
  constructor(
    readonly type: NumberKind,
    readonly options: readonly number[],
  ) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return isKind(value, this.type) && this.options.includes(value);
  }
  override toString(): string {
    return `${article(this.type)} among {${this.options.map((o) => pyRepr(o)).join(', ')}}`;
  }
}

/**
 * A finite set of strings (scikit-learn's `StrOptions`); `deprecated` ones are marked so.
 *
 * @example
 * ```ts
 * String(new StrOptions(['balanced'])); // "a str among {'balanced'}"
 * ```
 */
export class StrOptions extends ParamConstraint {
  constructor(
    readonly options: readonly string[],
    readonly deprecated: readonly string[] = [],
  ) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return typeof value === 'string' && this.options.includes(value);
  }
  override toString(): string {
    const shown = this.options.map(
      (o) => `${pyRepr(o)}${this.deprecated.includes(o) ? ' (deprecated)' : ''}`,
    );
    return `a str among {${shown.join(', ')}}`;
  }
}

/**
 * Values of one kind, named as Python names the type (scikit-learn's `_InstancesOf`):
 * `new InstanceOf('dict', isPlainObject)` reads "an instance of 'dict'".
 *
 * @example
 * ```ts
 * String(new InstanceOf('bool', (v) => typeof v === 'boolean')); // "an instance of 'bool'"
 * ```
 */
export class InstanceOf extends ParamConstraint {
  constructor(
    /** The type's name in messages (e.g. `'RandomState'`). */
    readonly typeName: string,
    /** Whether a value is of the type. */
    readonly test: (value: unknown) => boolean,
  ) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return this.test(value);
  }
  override toString(): string {
    return `an instance of '${this.typeName}'`;
  }
}

/**
 * Objects with the given methods (scikit-learn's `HasMethods`).
 *
 * @example
 * ```ts
 * String(new HasMethods(['fit', 'predict'])); // "an object implementing 'fit' and 'predict'"
 * ```
 */
export class HasMethods extends ParamConstraint {
  constructor(readonly methods: readonly string[]) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return (
      !!value &&
      (typeof value === 'object' || typeof value === 'function') &&
      this.methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
    );
  }
  override toString(): string {
    const names = this.methods.map((m) => `'${m}'`);
    const last = names.pop();
    return `an object implementing ${names.length ? `${names.join(', ')} and ${last}` : last}`;
  }
}

class AnyOf extends ParamConstraint {
  constructor(readonly constraints: readonly ParamConstraint[]) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return this.constraints.some((c) => c.isSatisfiedBy(value));
  }
  override toString(): string {
    return joinConstraints(this.constraints);
  }
}

class Predicate extends ParamConstraint {
  constructor(
    readonly name: string,
    readonly test: (value: unknown) => boolean,
  ) {
    super();
  }
  override isSatisfiedBy(value: unknown): boolean {
    return this.test(value);
  }
  override toString(): string {
    return this.name;
  }
}

/**
 * Marks a constraint as accepted but left out of error messages (scikit-learn's `Hidden`).
 *
 * @param constraint - the constraint (or its shorthand)
 * @returns the hidden constraint
 * @example
 * ```ts
 * const constraints = { solver: [new StrOptions(['lbfgs']), hidden(new StrOptions(['legacy']))] };
 * ```
 */
export function hidden(constraint: ConstraintSpec): ParamConstraint {
  const c = makeConstraint(constraint);
  c.hidden = true;
  return c;
}

/**
 * A constraint, or one of scikit-learn's shorthands: `null` (the value null, scikit-learn's
 * `None`), `'boolean'`, `'verbose'` (an int >= 0 or a bool), `'array-like'`, `'callable'`.
 */
export type ConstraintSpec =
  ParamConstraint | null | 'boolean' | 'verbose' | 'array-like' | 'callable';

const isBool = (v: unknown): boolean => typeof v === 'boolean';

function isArrayLike(v: unknown): boolean {
  return Array.isArray(v) || isTypedArray(v) || isArray2D(v) || isMatrix(v) || isTensorLike(v);
}

/**
 * The constraint object of a {@link ConstraintSpec} (scikit-learn's `make_constraint`).
 *
 * @param spec - a constraint or shorthand
 * @returns the constraint
 * @throws ValueError for an unknown shorthand
 * @example
 * ```ts
 * String(makeConstraint('verbose')); // "an int in the range [0, inf) or an instance of 'bool'"
 * ```
 */
export function makeConstraint(spec: ConstraintSpec): ParamConstraint {
  if (spec instanceof ParamConstraint) return spec;
  if (spec === null) return new Predicate('null', (v) => v === null);
  if (spec === 'boolean') return new InstanceOf('bool', isBool);
  if (spec === 'verbose') {
    return new AnyOf([
      new Interval('int', 0, null, { closed: 'left' }),
      new InstanceOf('bool', isBool),
    ]);
  }
  if (spec === 'array-like') return new Predicate('an array-like', isArrayLike);
  if (spec === 'callable') return new Predicate('a callable', (v) => typeof v === 'function');
  throw new ValueError(`Unknown constraint type: ${pyRepr(spec)}`);
}

/** scikit-learn's "a, b or c" list of constraints. */
export function joinConstraints(constraints: readonly ParamConstraint[]): string {
  const names = constraints.map(String);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
