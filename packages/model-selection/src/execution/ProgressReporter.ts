// scikit-learn's verbose output of _fit_and_score / BaseSearchCV.fit, plus a terminal progress bar.
import { pyStr } from '@scikeras/estimator-core';
import type { FitTask, TaskResult } from './FitTask';

/** What `onProgress` receives after each finished task. */
export interface ProgressEvent {
  /** Tasks finished so far (this one included). */
  done: number;
  /** Tasks in the job. */
  total: number;
  /** The task that finished. */
  task: FitTask;
  /** Its result. */
  result: TaskResult;
}

/** Called once per finished task. */
export type OnProgress = (event: ProgressEvent) => void;

/** Options of {@link ProgressReporter}. */
export interface ProgressReporterOptions {
  verbose?: number;
  onProgress?: OnProgress | null;
  tasks: FitTask[];
  nSplits: number;
  nCandidates: number;
  /** Where lines go. @defaultValue console.log */
  print?: (line: string) => void;
  /** Where the progress bar goes (only when it is a TTY). @defaultValue process.stderr */
  stream?: {
    isTTY?: boolean;
    /** Writes one chunk of the progress output. */
    write(s: string): unknown;
    columns?: number;
  } | null;
}

function shortFormatTime(t: number): string {
  return t > 60 ? `${(t / 60).toFixed(1).padStart(4)}min` : ` ${t.toFixed(1).padStart(5)}s`;
}

/**
 * Reports a job's progress: `onProgress` per finished task; with `verbose > 0` the header
 * "Fitting 3 folds for each of 4 candidates, totalling 12 fits" and a progress bar on a
 * terminal; `verbose > 1` one "[CV] END ..." line per task (with scores at `> 2`, the
 * candidate number at `> 9`), in scikit-learn's format.
 *
 * @example
 * ```ts
 * const rep = new ProgressReporter({ verbose: 2, tasks, nSplits: 3, nCandidates: 4 });
 * rep.start(); // prints the header
 * ```
 */
export class ProgressReporter {
  readonly #o: ProgressReporterOptions;
  #done = 0;
  #t0 = 0;
  #bar = false;

  constructor(options: ProgressReporterOptions) {
    this.#o = options;
    const stream =
      options.stream === undefined
        ? (globalThis as { process?: { stderr?: ProgressReporterOptions['stream'] } }).process
            ?.stderr
        : options.stream;
    this.#bar = (options.verbose ?? 0) > 0 && !!stream?.isTTY;
    if (this.#bar) this.#o.stream = stream;
  }

  #print(line: string): void {
    this.#clearBar();
    (this.#o.print ?? console.log)(line);
  }

  /** Prints the search header (`verbose > 0`). */
  start(header = true): void {
    this.#t0 = performance.now();
    const { nSplits, nCandidates } = this.#o;
    if ((this.#o.verbose ?? 0) > 0 && header) {
      this.#print(
        `Fitting ${nSplits} folds for each of ${nCandidates} candidates, totalling ${nSplits * nCandidates} fits`,
      );
    }
    this.#drawBar();
  }

  /** Records one finished task. */
  done(result: TaskResult): void {
    this.#done++;
    const task = this.#o.tasks[result.taskIndex]!;
    const verbose = this.#o.verbose ?? 0;
    if (verbose > 1) this.#print(this.#endLine(task, result, verbose));
    this.#drawBar();
    this.#o.onProgress?.({ done: this.#done, total: this.#o.tasks.length, task, result });
  }

  /** Ends the progress bar line. */
  finish(): void {
    if (this.#bar) this.#o.stream!.write('\n');
  }

  #endLine(task: FitTask, r: TaskResult, verbose: number): string {
    let progress = '';
    if (verbose > 2) {
      progress = ` ${task.splitIndex + 1}/${this.#o.nSplits}`;
      if (verbose > 9) progress += `; ${task.candidateIndex + 1}/${this.#o.nCandidates}`;
    }
    const params = task.params
      ? Object.keys(task.params)
          .sort()
          .map((k) => `${k}=${pyStr(task.params![k])}`)
          .join(', ')
      : '';
    let msg = params + (params ? ';' : '');
    if (verbose > 2) {
      const test = r.testScores;
      const train = r.trainScores;
      if (typeof test === 'object') {
        for (const name of Object.keys(test).sort()) {
          msg += ` ${name}: (`;
          if (train !== undefined)
            msg += `train=${(train as Record<string, number>)[name]!.toFixed(3)}, `;
          msg += `test=${test[name]!.toFixed(3)})`;
        }
      } else {
        msg += ', score=';
        msg +=
          train !== undefined
            ? `(train=${(train as number).toFixed(3)}, test=${test.toFixed(3)})`
            : test.toFixed(3);
      }
    }
    msg += ` total time=${shortFormatTime(r.fitTime + r.scoreTime)}`;
    const end = `[CV${progress}] END `;
    return end + '.'.repeat(Math.max(0, 80 - end.length - msg.length)) + msg;
  }

  #clearBar(): void {
    if (this.#bar) this.#o.stream!.write('\r\x1b[2K');
  }

  #drawBar(): void {
    if (!this.#bar) return;
    const total = this.#o.tasks.length;
    const width = Math.max(10, Math.min(40, (this.#o.stream!.columns ?? 80) - 40));
    const filled = total ? Math.round((this.#done / total) * width) : width;
    const secs = (performance.now() - this.#t0) / 1000;
    this.#o.stream!.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.#done}/${total} fits ${secs.toFixed(1)}s`,
    );
  }
}
