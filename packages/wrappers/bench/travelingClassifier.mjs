// KerasClassifier for GridSearchCV({ nJobs: 2 }) in the benchmark. The workers of
// @scikeras/model-selection import the class by module; '@scikeras/wrappers' is not resolvable
// from the repository root where the benchmark runs (pnpm links it only into dependents), so
// this subclass names its own file instead, and carries the travel hooks explicitly.
import { KerasClassifier, fromWrapperTravelSpec, toWrapperTravelSpec } from '../dist/index.mjs';

export class TravelingClassifier extends KerasClassifier {
  static travel = { module: import.meta.url, exportName: 'TravelingClassifier' };
  toTravelSpec() {
    return toWrapperTravelSpec(this);
  }
  static fromTravelSpec(spec) {
    return fromWrapperTravelSpec(spec, this);
  }
}
