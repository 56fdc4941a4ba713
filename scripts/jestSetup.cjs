// Runs before every test file (jest.preset.cjs). Property tests (fast-check) use a fixed seed so
// that CI is reproducible; explore new cases with FC_SEED=random (or FC_SEED=<n> to replay one).
const fc = require('fast-check');

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261128 });
