// Per-thread settings that travel with every TravelSpec (e.g. the tfjs backend of the sending
// thread), contributed by the packages that own them.
import { registryState } from '../registry/registryState';
import type { Json } from './CodecType';

/** A setting of the sending thread that the receiving thread mirrors before decoding. */
export interface TravelEnvironment {
  /** Its key in {@link TravelSpec.environment}, unique (e.g. `'tfjs.backend'`). */
  name: string;
  /** The sending thread's setting, or `undefined` to send nothing. */
  capture(): Json | undefined;
  /** Applies the sender's setting in the receiving thread (before anything is decoded). */
  restore(value: Json): void | Promise<void>;
}

/**
 * Makes a per-thread setting travel with every TravelSpec: `capture` runs in the sending thread
 * (`toTravelSpec`), `restore` in the receiving one (`fromTravelSpec`) once the spec's modules
 * are imported. Registering a name again replaces it.
 *
 * @param env - `{ name, capture, restore }`
 * @example
 * ```ts
 * registerTravelEnvironment({
 *   name: 'tfjs.backend',
 *   capture: () => tf.getBackend() ?? undefined,
 *   restore: async (b) => { await tf.setBackend(String(b)); },
 * });
 * ```
 */
export function registerTravelEnvironment(env: TravelEnvironment): void {
  registryState().environments.set(env.name, env);
}

/** The registered environments (internal). */
export function travelEnvironments(): Map<string, TravelEnvironment> {
  return registryState().environments;
}
