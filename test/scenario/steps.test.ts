import { beforeAll, describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { cachedEvaluator } from '../../src/scenario/deterrence-update.js';
import {
  type EngineParts,
  type RunResult,
  scenarioSeries,
  simulateRun,
  simulateRuns,
  yearCount,
} from '../../src/scenario/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import type { SimState } from '../../src/scenario/state.js';
import {
  defaultSteps,
  deterrenceStep,
  type EngineStep,
  insertStep,
  removeStep,
  replaceStep,
} from '../../src/scenario/steps.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** Series `name` of a run, one value per year. */
function series(s: Scenario, r: RunResult, name: string): number[] {
  const k = scenarioSeries(s).indexOf(name);
  if (k < 0) throw new Error(`no series ${name}`);
  const y = yearCount(s);
  return Array.from(r.values.subarray(k * y, (k + 1) * y));
}

/** A step that sets every relation score to +1 (a world at peace, whatever the rules say). */
const peace: EngineStep = {
  name: 'peace',
  start: (state: SimState) => () => state.relation.fill(1),
};

describe('the engine runs its steps as a named list', () => {
  let small: Scenario;
  let parts: Required<EngineParts>;
  beforeAll(() => {
    small = loadScenario(fixture('small.yaml'));
    parts = defaultParts(small);
  });

  it('by default: events, bargaining, deterrence, interaction, relations, arms, crises; without deterrence, the same minus deterrence', () => {
    expect(parts.steps.map((s) => s.name)).toEqual([
      'events',
      'bargaining',
      'deterrence',
      'interaction',
      'relations',
      'arms',
      'crises',
    ]);
    expect(defaultSteps(null).map((s) => s.name)).toEqual([
      'events',
      'bargaining',
      'interaction',
      'relations',
      'arms',
      'crises',
    ]);
  });

  it('gives the same bytes with the default list written out as with the list left to the engine', () => {
    const implicit = simulateRun(small, 2, Rng.stream(5, 2), { deterrence: parts.deterrence });
    const explicit = simulateRun(small, 2, Rng.stream(5, 2), parts);
    expect(Buffer.from(explicit.values.buffer).equals(Buffer.from(implicit.values.buffer))).toBe(true);
  });

  it('starts every step once per run in list order, then calls them in list order once a year', () => {
    const log: string[] = [];
    const traced = parts.steps.map(
      (step): EngineStep => ({
        name: step.name,
        start(state, run) {
          log.push(`start ${step.name}`);
          const action = step.start(state, run);
          return () => {
            log.push(`${state.year} ${step.name}`);
            action();
          };
        },
      }),
    );
    simulateRun(small, 0, Rng.stream(1, 0), { ...parts, steps: traced });
    const names = parts.steps.map((s) => s.name);
    const expected = names.map((n) => `start ${n}`);
    for (let year = 2017; year <= 2021; year++) for (const n of names) expected.push(`${year} ${n}`);
    expect(log).toEqual(expected);
  });

  it('without the crises step, no crisis is counted and every other series is unchanged (crises draw from their own streams)', () => {
    const runs = Array.from({ length: 12 }, (_, k) => k);
    const full = simulateRuns(small, 7, runs, parts);
    const quiet = simulateRuns(small, 7, runs, { ...parts, steps: removeStep(parts.steps, 'crises') });
    let crises = 0;
    for (const [k, r] of full.entries()) {
      crises += series(small, r, 'crises.count').reduce((a, b) => a + b, 0);
      for (const name of scenarioSeries(small)) {
        const got = series(small, quiet[k]!, name);
        if (name.startsWith('crises.')) expect(got.every((v) => v === 0)).toBe(true);
        else expect(got).toEqual(series(small, r, name));
      }
    }
    expect(crises).toBeGreaterThan(0);
  });

  it('with the deterrence step replaced by a constant evaluator, crisis stability is that constant and the rest is as without deterrence (dl = 0)', () => {
    const constant = cachedEvaluator({
      name: 'constant',
      evaluate: () => ({ firstStrikeStability: 0.25, damageLimitationAB: 0, damageLimitationBA: 0 }),
    });
    const replaced = replaceStep(parts.steps, 'deterrence', deterrenceStep(constant));
    const r = simulateRun(small, 3, Rng.stream(2, 3), { ...parts, steps: replaced });
    const none = simulateRun(small, 3, Rng.stream(2, 3), { deterrence: null });
    for (const v of series(small, r, 'crisisStability.worst')) expect(v).toBeCloseTo(0.25, 12);
    for (const v of series(small, r, 'crisisStability.mean')) expect(v).toBeCloseTo(0.25, 12);
    expect(series(small, none, 'crisisStability.worst').every((v) => v === 1)).toBe(true);
    const crisisDependent = /^(crisisStability|stability\.(crisis|index)|crises\.escalations)/;
    for (const name of scenarioSeries(small)) {
      if (!crisisDependent.test(name)) expect(series(small, r, name)).toEqual(series(small, none, name));
    }
  });

  it('runs an inserted step where it is put: peace after relations holds every year; before relations the rules move scores away', () => {
    const after = simulateRun(small, 0, Rng.stream(4, 0), {
      ...parts,
      steps: insertStep(parts.steps, peace, { after: 'relations' }),
    });
    expect(series(small, after, 'relations.meanScore')).toEqual([1, 1, 1, 1, 1]);
    expect(series(small, after, 'relations.cooperativeTies')).toEqual([1, 1, 1, 1, 1]);
    expect(series(small, after, 'relations.frustration')).toEqual([0, 0, 0, 0, 0]);
    const before = simulateRun(small, 0, Rng.stream(4, 0), {
      ...parts,
      steps: insertStep(parts.steps, peace, { before: 'relations' }),
    });
    // 2021's break-alignment caps USA–CHN at −0.2 in the relations step.
    expect(series(small, before, 'relations.meanScore').at(-1)!).toBeLessThan(1);
  });

  it('reports a name that is not in the list, or a name given twice, as bad input naming the steps', () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ConcertError);
        expect((e as ConcertError).code).toBe('bad-input');
        return (e as ConcertError).message;
      }
      throw new Error('expected an error');
    };
    expect(bad(() => replaceStep(parts.steps, 'diplomacy', peace))).toMatch(
      /no step named "diplomacy" \(steps: events, bargaining, deterrence, interaction, relations, arms, crises\)/,
    );
    expect(bad(() => removeStep(parts.steps, 'diplomacy'))).toMatch(/no step named "diplomacy"/);
    expect(bad(() => insertStep(parts.steps, { ...peace, name: 'arms' }, { before: 'events' }))).toMatch(
      /two steps are named "arms"/,
    );
    expect(bad(() => simulateRun(small, 0, Rng.stream(1, 0), { ...parts, steps: [peace, peace] }))).toMatch(
      /two steps are named "peace"/,
    );
  });
});
