// Regular expressions in saved and traveling estimators (makeColumnSelector's `pattern`): stored
// as their source and flags, rebuilt with `new RegExp` (data only: nothing is evaluated).
import { describePath, registerCodecType } from '@scikeras/estimator-core';
import { MODULE_URL } from './moduleUrl';

/** Teaches estimator-core's codec the RegExp (tag `'regExp'`); registering again is harmless. */
export function registerRegExpCodec(): void {
  registerCodecType<RegExp>({
    tag: 'regExp',
    module: MODULE_URL,
    test: (v): v is RegExp => Object.prototype.toString.call(v) === '[object RegExp]',
    encode: (re) => ({ source: re.source, flags: re.flags }),
    decode: (body, path, ctx) => {
      const { source, flags } = body;
      if (typeof source !== 'string' || typeof flags !== 'string')
        throw ctx.corrupt(`${describePath(path)} is a regular expression without source or flags`);
      try {
        return new RegExp(source, flags);
      } catch {
        throw ctx.corrupt(`${describePath(path)} is an invalid regular expression`);
      }
    },
  });
}
