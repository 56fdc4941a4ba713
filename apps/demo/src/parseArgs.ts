// The CLI's flags, parsed without a dependency.

/** The backends the CLI accepts. */
export const CLI_BACKENDS = ['auto', 'cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'] as const;

/** Parsed CLI options. */
export interface CliOptions {
  backend: (typeof CLI_BACKENDS)[number];
  quick: boolean;
  only?: string;
  report?: string;
  json?: string;
  jobs: number;
  help: boolean;
}

/** The --help text. */
export const USAGE = `Usage: pnpm demo [options]

A tour of scikeras-ts on scikit-learn's data sets (iris, breast cancer, wine, diabetes, digits).

Options:
  --backend <name>   auto | cpu | wasm | tensorflow | webgl | webgpu (default: auto)
                     tensorflow needs @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node installed
  --quick            the short tour (few epochs and folds, about a minute)
  --only <sections>  run only these sections (comma-separated), e.g. --only gridsearch,report
  --report <file>    write a self-contained HTML report with plots (inline SVG)
  --jobs <n>         worker threads for the searches (nJobs, default 2; 1 = this thread)
  --json <file>      write the results as JSON (used by the tests)
  -h, --help         show this help`;

/**
 * Parses `argv` (without node and the script).
 *
 * @param argv - the arguments
 * @returns the options
 * @throws Error with the usage for an unknown flag or a bad value
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { backend: 'auto', quick: false, jobs: 2, help: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--'))
      throw new Error(`${flag} needs a value.\n\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const next = () => inline ?? value(++i, flag);
    switch (flag) {
      case '--backend': {
        const b = next();
        if (!(CLI_BACKENDS as readonly string[]).includes(b))
          throw new Error(
            `--backend must be one of ${CLI_BACKENDS.join(', ')}. Got '${b}' instead.`,
          );
        opts.backend = b as CliOptions['backend'];
        break;
      }
      case '--quick':
        opts.quick = true;
        break;
      case '--only':
        opts.only = next();
        break;
      case '--report':
        opts.report = next();
        break;
      case '--json':
        opts.json = next();
        break;
      case '--jobs': {
        const j = Number(next());
        if (!Number.isInteger(j) || j < 1)
          throw new Error(`--jobs must be an integer >= 1. Got ${j} instead.`);
        opts.jobs = j;
        break;
      }
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`Unknown option '${raw}'.\n\n${USAGE}`);
    }
  }
  return opts;
}
