// KerasClassifier with the worker-travel hooks, for GridSearchCV({ nJobs: 2 }) in the benchmark,
// used only while the hooks are not on BaseWrapper itself (then it is KerasClassifier).
import { KerasClassifier, fromWrapperTravelSpec, toWrapperTravelSpec } from '../dist/index.mjs';

const hasHooks = typeof KerasClassifier.prototype.toTravelSpec === 'function';

class TravelingKerasClassifier extends KerasClassifier {
  static travel = { module: import.meta.url, exportName: 'TravelingKerasClassifier' };
  toTravelSpec() {
    return toWrapperTravelSpec(this);
  }
  static fromTravelSpec(spec) {
    return fromWrapperTravelSpec(spec, this);
  }
}

/** The classifier class the benchmark sends to worker threads. */
export const TravelingClassifier = hasHooks ? KerasClassifier : TravelingKerasClassifier;
export { TravelingKerasClassifier };
