#!/usr/bin/env node
// prepublishOnly of every published package: refuses a publish that is not run by pnpm.
// `npm publish` (or yarn's) would ship the `workspace:*` ranges of our package.json files as they
// are, and every install of the published package would then fail; `pnpm publish` replaces them
// with the real versions. See docs/PUBLISHING.md.

/**
 * The package manager that runs this lifecycle script, from `npm_config_user_agent`
 * ("pnpm/12.4.2 npm/? node/v20.20.2 linux x64", "npm/11.6.2 node/v20.20.2 linux x64 ...").
 *
 * @param {string | undefined} userAgent
 * @returns {string} 'pnpm', 'npm', 'yarn', 'bun' or '' when unknown
 */
function packageManager(userAgent) {
  const m = /^([a-z]+)\//.exec(userAgent ?? '');
  return m ? m[1] : '';
}

function main() {
  const who = packageManager(process.env.npm_config_user_agent);
  if (who === 'pnpm') return;
  const name = process.env.npm_package_name ?? 'this package';
  process.stderr.write(
    `\n${name}: publish with pnpm, not ${who || 'an unknown client'}.\n` +
      `  Its package.json holds "workspace:*" ranges that only \`pnpm publish\` rewrites;\n` +
      `  a package published by another client cannot be installed.\n` +
      `  Releases go through changesets: see docs/PUBLISHING.md (\`pnpm release:dry\`, then the\n` +
      `  release workflow runs \`pnpm publish -r\`).\n\n`,
  );
  process.exit(1);
}

if (require.main === module) main();
module.exports = { packageManager };
