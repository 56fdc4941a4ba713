// The shapes shared by the tour's sections, the Node CLI and the browser page.
import type { Datasets } from './data/loadDatasets';

/** One cell of a section's table. */
export type Cell = string | number;

/** A line chart: one series per fold / metric, x is the epoch. */
export interface LinePlot {
  kind: 'lines';
  title: string;
  xName: string;
  yName: string;
  series: { name: string; data: number[] }[];
}

/** A heatmap: `values[i][j]` at row `yLabels[i]`, column `xLabels[j]` (grid search, confusion matrix). */
export interface HeatmapPlot {
  kind: 'heatmap';
  title: string;
  xName: string;
  yName: string;
  xLabels: string[];
  yLabels: string[];
  values: number[][];
}

/** A scatter plot with the identity line (predicted vs true). */
export interface ScatterPlot {
  kind: 'scatter';
  title: string;
  xName: string;
  yName: string;
  points: [number, number][];
}

/** Any plot a section returns. */
export type Plot = LinePlot | HeatmapPlot | ScatterPlot;

/** What a section returns: its headline score (checked against `bound`), a table, plots. */
export interface SectionResult {
  /** The headline score (higher is better). */
  score: number;
  /** What the score is, e.g. 'mean accuracy (5-fold)'. */
  scoreName: string;
  /** The lowest score this section must reach (honest, seeded). */
  bound: number;
  /** Table header. */
  headers: string[];
  /** Table rows. */
  rows: Cell[][];
  /** Plots for the HTML report / the page. */
  plots?: Plot[];
  /** Extra one-line remarks printed under the table. */
  notes?: string[];
}

/** A progress indicator for long work (a terminal bar in Node, a bar on the page). */
export interface Progress {
  /** Advances by `n` (default 1), optionally with a status text. */
  tick(n?: number, status?: string): void;
  /** Finishes (removes the bar). */
  stop(): void;
}

/** Epoch logs as tfjs gives them. */
export type EpochLogs = Record<string, number>;

/** The callback object `epochCallback` returns (a tfjs `CustomCallbackArgs`). */
export interface EpochCallback {
  onTrainBegin(): void;
  onEpochEnd(epoch: number, logs?: EpochLogs): void;
  onTrainEnd(): void;
}

/** Saves an estimator and loads it back (a directory in Node, memory in the browser). */
export type SaveAndLoad = <E>(est: E) => Promise<{ loaded: E; where: string }>;

/** Everything a section gets from its runner. */
export interface TourContext {
  /** The short tour (few epochs and folds). */
  quick: boolean;
  /** Where the tour runs. */
  env: 'node' | 'web';
  /** The active tfjs backend. */
  backend: string;
  /** The data sets. */
  data: Datasets;
  /** Worker threads for the searches (`null`: this thread, e.g. in the browser). */
  nJobs: number | null;
  /** Why `nJobs` is null although worker threads were asked for. */
  nJobsUnavailable?: string;
  /** Starts a progress indicator for `total` steps. */
  progress(label: string, total: number): Progress;
  /**
   * A tfjs callback object that reports each epoch of every fit it is given to under `label`
   * (a progress bar per fit in the terminal, a live training curve on the web page).
   */
  epochCallback(label: string, epochsPerFit: number): EpochCallback;
  /** Saves and reloads an estimator. */
  saveAndLoad: SaveAndLoad;
}

/** One stop of the tour. */
export interface Section {
  /** Short name used by `--only`. */
  name: string;
  /** Human title. */
  title: string;
  /** Runs the section; disposes every estimator it makes. */
  run(ctx: TourContext): Promise<SectionResult>;
}

/** A section's outcome as the runner records it. */
export interface SectionOutcome {
  name: string;
  title: string;
  seconds: number;
  result?: SectionResult;
  /** Why the section did not run or failed. */
  error?: string;
  /** Whether `score >= bound`. */
  passed: boolean;
  /** tfjs tensors the section left behind (0 when it disposed everything). */
  leakedTensors?: number;
}
