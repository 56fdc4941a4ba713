// Runs the tour's sections in order (CLI and web): times each one, checks its score bound and
// that it leaves no tfjs tensors behind.
import * as tf from '@tensorflow/tfjs';
import type { Section, SectionOutcome, TourContext } from './types';

/** Hooks the runner calls around each section. */
export interface TourHooks {
  onStart?(section: Section, index: number, total: number): void;
  onEnd?(outcome: SectionOutcome): void;
}

/** Wall-clock seconds, in Node and browsers. */
function now(): number {
  return (globalThis.performance?.now() ?? Date.now()) / 1000;
}

/**
 * Picks the sections to run.
 *
 * @param all - every section
 * @param only - a comma-separated list of names, or undefined for all
 * @returns the sections
 * @throws Error naming the valid names for an unknown one
 */
export function selectSections(all: readonly Section[], only?: string): Section[] {
  if (!only) return [...all];
  const names = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown section ${unknown.map((n) => `'${n}'`).join(', ')} for --only. Valid sections are: ${all.map((s) => s.name).join(', ')}.`,
    );
  }
  return all.filter((s) => names.includes(s.name));
}

/**
 * Runs sections one after another; a failing section is recorded and the tour goes on.
 *
 * @param sections - what to run
 * @param ctx - the context every section gets
 * @param hooks - progress hooks
 * @returns one outcome per section, with `leakedTensors` (tensors left by the section)
 */
export async function runTour(
  sections: readonly Section[],
  ctx: TourContext,
  hooks: TourHooks = {},
): Promise<(SectionOutcome & { leakedTensors: number })[]> {
  const out: (SectionOutcome & { leakedTensors: number })[] = [];
  for (const [i, section] of sections.entries()) {
    hooks.onStart?.(section, i, sections.length);
    const before = tf.memory().numTensors;
    const t0 = now();
    let outcome: SectionOutcome;
    try {
      const result = await section.run(ctx);
      outcome = {
        name: section.name,
        title: section.title,
        seconds: now() - t0,
        result,
        passed: result.score >= result.bound,
      };
    } catch (e) {
      outcome = {
        name: section.name,
        title: section.title,
        seconds: now() - t0,
        error: (e as Error)?.stack ?? String(e),
        passed: false,
      };
    }
    const leaked = tf.memory().numTensors - before;
    const full = { ...outcome, leakedTensors: leaked };
    out.push(full);
    hooks.onEnd?.(full);
  }
  return out;
}
