#!/usr/bin/env node
// The scikeras-worker command: a ScikerasWorker from the command line, stopped by SIGTERM/SIGINT
// (running tasks finish first; a second signal stops at once).
import { ScikerasWorker } from './worker/ScikerasWorker';
import { WORKER_USAGE, parseWorkerArgs } from './worker/parseWorkerArgs';

async function main(): Promise<void> {
  let options;
  try {
    options = parseWorkerArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`scikeras-worker: ${(e as Error).message}\n\n${WORKER_USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(WORKER_USAGE);
    return;
  }
  const worker = await ScikerasWorker.start(options);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`scikeras-worker ${worker.info.id}: ${signal}, finishing running tasks`);
    void worker.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(`scikeras-worker: ${(e as Error)?.stack ?? String(e)}`);
  process.exit(1);
});
