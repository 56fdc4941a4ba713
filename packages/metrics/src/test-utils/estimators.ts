// Tiny fitted estimators with fixed outputs for the scorer tests (async methods, like the wrappers).
import type { Label } from '@scikeras/estimator-core';

/** A "fitted" classifier answering predict / predictProba with fixed outputs. */
export class FixedClassifier {
  readonly classes_: Label[];
  calls: string[] = [];
  constructor(
    readonly pred: unknown,
    readonly proba: unknown,
    classes: Label[],
  ) {
    this.classes_ = classes;
  }
  get estimatorType(): 'classifier' {
    return 'classifier';
  }
  fit(): this {
    return this;
  }
  async predict(_X: unknown): Promise<unknown> {
    this.calls.push('predict');
    return this.pred;
  }
  async predictProba(_X: unknown): Promise<unknown> {
    this.calls.push('predictProba');
    return this.proba;
  }
}

/** A "fitted" regressor answering predict (synchronously) with fixed values. */
export class FixedRegressor {
  constructor(readonly pred: number[]) {}
  get estimatorType(): 'regressor' {
    return 'regressor';
  }
  fit(): this {
    return this;
  }
  predict(_X: unknown): number[] {
    return this.pred;
  }
  score(_X: unknown, y: unknown, options?: { sampleWeight?: ArrayLike<number> }): Promise<number> {
    return Promise.resolve(options?.sampleWeight ? -1 : (y as number[]).length);
  }
}
