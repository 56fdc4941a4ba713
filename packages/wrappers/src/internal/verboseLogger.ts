// After Keras's keras/callbacks.py ProgbarLogger (Apache-2.0): verbose=1 progress bar, verbose=2 one line per epoch.
import * as tf from '@tensorflow/tfjs';

type Logs = Record<string, number | tf.Tensor> | undefined;

function fmt(logs: Logs): string {
  if (!logs) return '';
  return Object.entries(logs)
    .map(([k, v]) => `${k}: ${(typeof v === 'number' ? v : Number(v.dataSync()[0])).toFixed(4)}`)
    .join(' - ');
}

/** Where the logger writes: a TTY stream gets `\r` redraws, anything else whole lines. */
export interface LogSink {
  write(s: string): void;
  isTTY: boolean;
}

function defaultSink(): LogSink {
  const out = (globalThis as { process?: { stdout?: { write(s: string): void; isTTY?: boolean } } })
    .process?.stdout;
  if (out) return { write: (s) => out.write(s), isTTY: !!out.isTTY };
  return { write: (s) => console.log(s.replace(/\n$/, '')), isTTY: false };
}

/**
 * A tfjs callback printing Keras-style progress: verbose 1 a progress bar per epoch (redrawn
 * in place on a terminal, one plain line per epoch otherwise), verbose 2 one line per epoch.
 *
 * @param verbose - 1 or 2
 * @param totalEpochs - the final epoch number (initial epoch + epochs)
 * @param stepsPerEpoch - batches per epoch (for the bar)
 * @param sink - where to write (stdout by default)
 * @returns a `tf.CustomCallback`
 * @example
 * ```ts
 * await model.fit(x, y, { callbacks: [verboseLogger(2, 5, 1)] });
 * ```
 */
export function verboseLogger(
  verbose: number,
  totalEpochs: number,
  stepsPerEpoch: number,
  sink: LogSink = defaultSink(),
): tf.CustomCallback {
  let start = 0;
  let step = 0;
  const width = 30;
  const bar = (done: number): string => {
    const filled = Math.min(width, Math.round((done / Math.max(1, stepsPerEpoch)) * width));
    return `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? (done >= stepsPerEpoch ? '=' : '>') : ''}${'.'.repeat(width - filled)}`;
  };
  const args: tf.CustomCallbackArgs = {
    onEpochBegin: async (epoch) => {
      start = Date.now();
      step = 0;
      if (verbose === 1) sink.write(`Epoch ${epoch + 1}/${totalEpochs}\n`);
    },
    onEpochEnd: async (epoch, logs) => {
      const secs = ((Date.now() - start) / 1000).toFixed(2);
      if (verbose === 1) {
        const line = `${stepsPerEpoch}/${stepsPerEpoch} [${bar(stepsPerEpoch)}] - ${secs}s - ${fmt(logs as Logs)}`;
        sink.write(sink.isTTY ? `\r${line}\n` : `${line}\n`);
      } else if (verbose >= 2) {
        sink.write(`Epoch ${epoch + 1}/${totalEpochs} - ${secs}s - ${fmt(logs as Logs)}\n`);
      }
    },
  };
  // redrawing the bar after each batch reads the batch logs back: only on a terminal
  if (verbose === 1 && sink.isTTY) {
    args.onBatchEnd = async (_batch, logs) => {
      step++;
      sink.write(`\r${step}/${stepsPerEpoch} [${bar(step)}] - ${fmt(logs as Logs)}`);
    };
  }
  return new tf.CustomCallback(args);
}
