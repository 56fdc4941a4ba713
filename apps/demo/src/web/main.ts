// The browser tour: the same sections as the CLI, a backend picker, live training curves.
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import { loadEstimator, saveEstimator, setBackendImporter, useBackend } from '@scikeras/wrappers';
import { loadDatasets } from '../data/loadDatasets';
import { registerDemoModels } from '../models';
import { plotToSVG } from '../report/plotToSVG';
import { renderSection, renderSummary } from '../report/renderReport';
import { runTour, selectSections } from '../runTour';
import { SECTIONS } from '../sections';
import type { Progress, SectionOutcome, TourContext } from '../types';
import { webReadText } from './webReadText';

/** What the page exposes for the end-to-end test. */
interface TourState {
  running: boolean;
  done: boolean;
  backend: string | null;
  wasmThreads: boolean | null;
  outcomes: (SectionOutcome & { leakedTensors: number })[];
  leakedTensors: number | null;
  error: string | null;
}

declare global {
  interface Window {
    __tour: TourState;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state: TourState = {
  running: false,
  done: false,
  backend: null,
  wasmThreads: null,
  outcomes: [],
  leakedTensors: null,
  error: null,
};
window.__tour = state;

tf.enableProdMode();
tfwasm.setWasmPaths(new URL('./wasm/', window.location.href).href);
setBackendImporter(async (specifier) => {
  if (specifier === '@tensorflow/tfjs-backend-wasm') return tfwasm;
  throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'MODULE_NOT_FOUND' });
});
registerDemoModels();

const only = $<HTMLSelectElement>('only');
for (const s of SECTIONS) only.add(new Option(s.name, s.name));
const params = new URLSearchParams(window.location.search);
if (params.get('backend')) $<HTMLSelectElement>('backend').value = params.get('backend')!;
if (params.get('quick') === '0') $<HTMLInputElement>('quick').checked = false;

const status = (text: string) => {
  $('status').textContent = text;
};

/** The live chart: the loss of the fit that is training now, redrawn at most 5 times a second. */
function liveChart(label: string): { push(loss: number): void; flush(): void } {
  const data: number[] = [];
  let last = 0;
  const draw = () => {
    $('live').innerHTML = plotToSVG(
      {
        kind: 'lines',
        title: label,
        xName: 'epoch',
        yName: 'loss',
        series: [{ name: 'loss', data }],
      },
      560,
      300,
    );
    last = performance.now();
  };
  return {
    push(loss) {
      data.push(loss);
      if (performance.now() - last > 200) draw();
    },
    flush: draw,
  };
}

function progress(label: string, total: number): Progress {
  const el = document.createElement('p');
  el.className = 'meta';
  const bar = document.createElement('progress');
  bar.max = total;
  bar.value = 0;
  el.append(`${label} `, bar);
  $('status').after(el);
  return {
    tick(n = 1) {
      bar.value += n;
    },
    stop() {
      el.remove();
    },
  };
}

async function run(): Promise<void> {
  if (state.running) return;
  Object.assign(state, {
    running: true,
    done: false,
    outcomes: [],
    error: null,
    leakedTensors: null,
  });
  $<HTMLButtonElement>('run').disabled = true;
  $('sections').innerHTML = '';
  $('summary').innerHTML = '';
  const backend = $<HTMLSelectElement>('backend').value as 'webgl' | 'wasm' | 'cpu';
  const quick = $<HTMLInputElement>('quick').checked;
  try {
    status(`Starting the ${backend} backend...`);
    await useBackend(backend);
    state.backend = tf.getBackend();
    state.wasmThreads =
      state.backend === 'wasm'
        ? Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))
        : null;
    const threads =
      state.wasmThreads === null ? '' : state.wasmThreads ? ' (threaded)' : ' (single-threaded)';
    const sections = selectSections(SECTIONS, only.value || undefined);
    const ctx: TourContext = {
      quick,
      env: 'web',
      backend: state.backend,
      data: loadDatasets(webReadText),
      nJobs: null,
      nJobsUnavailable:
        "is Node-only (model-selection's worker-thread executor); the page searches in this thread",
      progress,
      epochCallback(label) {
        let chart = liveChart(label);
        return {
          onTrainBegin() {
            chart = liveChart(label);
          },
          onEpochEnd(_epoch, logs) {
            if (logs?.loss !== undefined) chart.push(logs.loss);
          },
          onTrainEnd() {
            chart.flush();
          },
        };
      },
      async saveAndLoad(est) {
        const artifact = await saveEstimator(est as never);
        return {
          loaded: await loadEstimator(artifact),
          where: 'memory (the saveEstimator artifact)',
        };
      },
    };
    const baseline = tf.memory().numTensors;
    const finished: SectionOutcome[] = [];
    state.outcomes = await runTour(sections, ctx, {
      onStart(s, i, n) {
        status(`Backend ${state.backend}${threads}: [${i + 1}/${n}] ${s.title}...`);
      },
      onEnd(o) {
        $('sections').insertAdjacentHTML('beforeend', renderSection(o));
        finished.push(o);
        $('summary').innerHTML = renderSummary(finished);
      },
    });
    state.leakedTensors = tf.memory().numTensors - baseline;
    $('summary').innerHTML = renderSummary(state.outcomes);
    const ok = state.outcomes.every((o) => o.passed);
    status(
      `Backend ${state.backend}${threads}, ${quick ? 'quick' : 'full'} tour: ${ok ? 'every section met its bound' : 'some sections FAILED'}; ${state.leakedTensors} tensor(s) left.`,
    );
  } catch (e) {
    state.error = (e as Error)?.message ?? String(e);
    status(`Error: ${state.error}`);
  } finally {
    state.running = false;
    state.done = true;
    $<HTMLButtonElement>('run').disabled = false;
  }
}

$('controls').addEventListener('submit', (ev) => {
  ev.preventDefault();
  void run();
});
if (params.get('autorun') === '1') void run();
