/**
 * Bargaining over core interests in the scenario engine (issue 17;
 * docs/models/scenario.md, step `bargaining` and rule R5): the step, the
 * coupling of tension to relations, the `concede` and `consult` events, the
 * located errors of a bad concession, the sampled stances (within their
 * ranges, common random numbers, determinism) and the shipped scenario
 * respect-core-interests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { drawStances, meanTension } from '../../src/scenario/core-interests.js';
import { coreInterestsOf } from '../../src/scenario/core-interests-load.js';
import {
  drawParameters,
  type EngineParts,
  type RunResult,
  scenarioSeries,
  simulateRun,
  simulateRuns,
  yearCount,
} from '../../src/scenario/engine.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import type { SimState } from '../../src/scenario/state.js';
import { defaultSteps, type EngineStep, insertStep, removeStep } from '../../src/scenario/steps.js';
import { Purpose, RunStreams } from '../../src/scenario/streams.js';
import { runCli } from '../helpers/cli.js';

/** Every coupling off but R5 (core interests): relations move only with tension. */
const ONLY_R5 = `
couplings:
  interaction: false
  consultation: false
  economicStake: false
  hostileMisperception: false
  interactionSignal: { enabled: false, rate: 0.1 }
  structuralBalance: false
  threatPerception: false
  alignmentPreference: false
  armsReaction: false
  damageLimitation: false
  forceConversion: false
  coreInterests: { weight: 0.5 }
  crises: false`;

function scenario(events: string, extra = ONLY_R5, actors = '[USA, CHN, RUS]'): Scenario {
  return parseScenario(
    `name: t
description: test
actors: ${actors}
years: 2017..2022
events:
${events || '  []'}
${extra}`,
    'core.yaml',
  );
}

function series(s: Scenario, r: RunResult, name: string): number[] {
  const k = scenarioSeries(s).indexOf(name);
  if (k < 0) throw new Error(`no series ${name}`);
  const y = yearCount(s);
  return Array.from(r.values.subarray(k * y, (k + 1) * y));
}

/** A step that records, every year, what `read` reads of the state. */
function probe<T>(log: T[], read: (state: SimState) => T): EngineStep {
  return { name: 'probe', start: (state) => () => log.push(read(state)) };
}

const noDeterrence: EngineParts = { deterrence: null };
const dir = mkdtempSync(join(tmpdir(), 'concert-core-interests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bargaining step and rule R5', () => {
  it('runs after the events and before relations, and only the scenario actors in the data take part', () => {
    expect(defaultSteps(null).map((s) => s.name)).toEqual([
      'events',
      'bargaining',
      'interaction',
      'relations',
      'arms',
      'crises',
    ]);
    const s = parseScenario(
      'name: t\ndescription: t\nactors: [USA, JPN, CHN, IND, RUS]\nyears: 2017..2018\n',
      'core.yaml',
    );
    expect(s.coreInterests?.actors).toEqual(['USA', 'CHN', 'RUS']);
    expect(s.coreInterests?.members).toEqual([0, 2, 4]);
    expect(coreInterestsOf(['USA', 'JPN'])).toBeUndefined();
  });

  it('a widening gap lowers the relation by α·κ·Δτ a year (closed form, no other rule, no bargaining turns)', () => {
    // USA–China start at 0 (the world's score is at the floor of −1, where the clip would hide the fall).
    const atZero = `${ONLY_R5}\nworld: { overrides: { relations: [{ a: USA, b: CHN, score: 0 }] } }`;
    const widen = scenario(
      '  - { type: concede, year: 2018, actor: USA, dimension: taiwan, position: 0, note: moves away }',
      atZero,
    );
    const steps = removeStep(defaultSteps(null), 'bargaining');
    const log: number[] = [];
    const withProbe = insertStep(
      steps,
      probe(log, (st) => st.relation[0 * st.n + 1]!),
      { after: 'relations' },
    );
    simulateRun(widen, 0, Rng.stream(1, 0), { deterrence: null, steps: withProbe });
    const still: number[] = [];
    simulateRun(scenario('', atZero), 0, Rng.stream(1, 0), {
      deterrence: null,
      steps: insertStep(
        steps,
        probe(still, (st) => st.relation[0 * st.n + 1]!),
        { after: 'relations' },
      ),
    });
    const ci = widen.coreInterests!;
    const k = ci.dimensions.length;
    const d = ci.dimensions.indexOf('taiwan');
    const w = Math.sqrt(ci.salience[0 * k + d]! * ci.salience[1 * k + d]!);
    const dTau = w * 0.25; // USA moves from 0.25 to 0, away from China at 0.95
    const r0 = still[0]!;
    expect(still.every((r) => r === r0)).toBe(true);
    expect(log[0]).toBe(r0);
    for (let t = 1; t < log.length; t++) expect(log[t]).toBeCloseTo(r0 - t * 0.1 * 0.5 * dTau, 12);
  });

  it('a concession toward China lowers USA–China tension and raises their relation; with κ = 0 the relation is unchanged', () => {
    const toward =
      '  - { type: concede, year: 2018, actor: USA, dimension: taiwan, position: 40, salience: 4 }';
    // Without bargaining turns, so that the concession's own effect is seen (turns after a concession
    // can move the others, for a while widening other gaps).
    const steps = removeStep(defaultSteps(null), 'bargaining');
    const run = (events: string, extra = ONLY_R5) => {
      const s = scenario(events, extra);
      return { s, r: simulateRun(s, 0, Rng.stream(1, 0), { deterrence: null, steps }) };
    };
    const base = run('');
    const conceded = run(toward);
    const tBase = series(base.s, base.r, 'coreInterests.USA-CHN');
    const tCon = series(conceded.s, conceded.r, 'coreInterests.USA-CHN');
    expect(tCon[0]).toBe(tBase[0]);
    expect(tCon[1]!).toBeLessThan(tBase[1]! - 0.03);
    expect(series(conceded.s, conceded.r, 'coreInterests.meanTension')[5]!).toBeLessThan(
      series(base.s, base.r, 'coreInterests.meanTension')[5]!,
    );
    const rBase = series(base.s, base.r, 'relations.meanScore');
    const rCon = series(conceded.s, conceded.r, 'relations.meanScore');
    expect(rCon[0]).toBe(rBase[0]);
    for (let t = 1; t < rCon.length; t++) expect(rCon[t]!).toBeGreaterThan(rBase[t]!);
    const off = ONLY_R5.replace('coreInterests: { weight: 0.5 }', 'coreInterests: { weight: 0 }');
    const a = run('', off);
    const b = run(toward, off);
    expect(series(b.s, b.r, 'relations.meanScore')).toEqual(series(a.s, a.r, 'relations.meanScore'));
  });

  it('a concession never raises a salience, and moves the given share of the way', () => {
    const s = scenario(
      '  - { type: concede, year: 2018, actor: USA, dimension: korean-peninsula, position: 30, share: 0.5, salience: 29 }',
    );
    const log: { x: number; s: number }[] = [];
    const steps = insertStep(
      removeStep(defaultSteps(null), 'bargaining'),
      probe(log, (st) => {
        const ci = st.coreInterests!;
        const d = ci.model.dimensions.indexOf('korean-peninsula');
        return { x: ci.state.positions[d]!, s: ci.model.salience[d]! };
      }),
      { after: 'events' },
    );
    simulateRun(s, 0, Rng.stream(1, 0), { deterrence: null, steps });
    expect(log[0]).toEqual({ x: 0.1, s: 0.2 });
    expect(log[1]!.x).toBeCloseTo(0.2, 12); // half way from 10 to 30
    expect(log[1]!.s).toBe(0.2); // 29 > 20: not raised
  });

  it('consult: a consulting pair of participants estimates each other’s risk attitude with weight p while it lasts; others keep bigRAdjust (⅓)', () => {
    const s = scenario(
      '  - { type: consult, year: 2018, duration: 2, actors: [USA, CHN, JPN], probability: 0.9 }',
      ONLY_R5,
      '[USA, CHN, RUS, JPN]',
    );
    const log: (number[] | null)[] = [];
    const steps = insertStep(
      defaultSteps(null),
      probe(log, (st) => {
        const info = st.coreInterests!.model.information;
        return info ? Array.from(info) : null;
      }),
      { after: 'bargaining' },
    );
    simulateRun(s, 0, Rng.stream(1, 0), { deterrence: null, steps });
    const third = 1 / 3;
    // participants USA, CHN, RUS (JPN takes no part)
    const during = [1, 0.9, third, 0.9, 1, third, third, third, 1];
    expect(log).toEqual([null, during, during, null, null, null]);
  });

  it('consultation changes what the bargaining knows, so the positions can move differently; removing the step freezes positions', () => {
    const s = scenario(
      '  - { type: consult, year: 2017, actors: [USA, CHN, RUS], probability: 1 }',
      ONLY_R5,
      '[USA, CHN, RUS, GBR, FRA]',
    );
    const plain = scenario('', ONLY_R5, '[USA, CHN, RUS, GBR, FRA]');
    const positions = (sc: Scenario, steps: readonly EngineStep[]) => {
      const log: number[][] = [];
      simulateRun(sc, 0, Rng.stream(1, 0), {
        deterrence: null,
        steps: insertStep(
          steps,
          probe(log, (st) => Array.from(st.coreInterests!.state.positions)),
          { after: 'events' },
        ),
      });
      return log;
    };
    const informed = positions(s, defaultSteps(null));
    const uninformed = positions(plain, defaultSteps(null));
    expect(informed.at(-1)).not.toEqual(uninformed.at(-1));
    const frozen = positions(plain, removeStep(defaultSteps(null), 'bargaining'));
    expect(frozen.at(-1)).toEqual(frozen[0]);
  });
});

describe('a bad concession is located bad input', () => {
  const problems = (events: string, extra = '') => {
    try {
      scenario(events, extra, '[USA, CHN, RUS, JPN]');
    } catch (e) {
      if (isConcertError(e))
        return e.problems.map((p) => `${p.line}:${p.column} ${(p.path ?? []).join('.')}: ${p.message}`);
      throw e;
    }
    return [];
  };

  it('names the unknown actor, the actor without core interests, the unknown dimension, out-of-range values and a duration', () => {
    const got = problems(`  - { type: concede, year: 2018, actor: XXX, dimension: taiwan, position: 40 }
  - { type: concede, year: 2018, actor: JPN, dimension: taiwan, position: 40 }
  - { type: concede, year: 2018, actor: USA, dimension: tibet, position: 40 }
  - { type: concede, year: 2018, actor: USA, dimension: taiwan, position: 140 }
  - { type: concede, year: 2018, actor: USA, dimension: taiwan, salience: 30 }
  - { type: concede, year: 2018, actor: USA, dimension: taiwan }
  - { type: concede, year: 2018, actor: USA, dimension: taiwan, position: 40, duration: 3 }`);
    const has = (re: RegExp) =>
      expect(
        got.some((p) => re.test(p)),
        `${re} in\n${got.join('\n')}`,
      ).toBe(true);
    has(/^6:\d+ events\.0\.actor: unknown actor "XXX"/);
    has(/^7:\d+ events\.1\.actor: actor "JPN" has no core interests in data\/core-interests-2017\.yaml/);
    has(/^8:\d+ events\.2\.dimension: unknown dimension "tibet".*expected one of taiwan, south-china-sea/);
    has(/^9:\d+ events\.3\.position: expected a position on the 0–100 scale/);
    has(/^10:\d+ events\.4\.salience: expected at most 12, the top of USA's salience range on taiwan/);
    has(/^11:\d+ events\.5: a concession needs a position .* or a salience/);
    has(/^12:\d+ events\.6\.duration: a concession has no duration/);
  });

  it('coreInterests.stances takes no distribution', () => {
    const got = problems(
      '  []',
      `uncertain:
  - parameter: coreInterests.stances
    distribution: { type: uniform, min: 0, max: 1 }`,
    );
    expect(
      got.some((p) => /uncertain\.0\.distribution: coreInterests\.stances takes no distribution/.test(p)),
    ).toBe(true);
  });

  it('the CLI exits 2 naming the file, line, column and field', () => {
    const r = runCli(['validate', 'test/scenario/fixtures/bad-concede.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /test\/scenario\/fixtures\/bad-concede\.yaml:9:\d+: events\[0\]\.dimension: unknown dimension "tibet"/,
    );
  });
});

describe('sampled stances', () => {
  let baseline: Scenario;
  let respect: Scenario;
  beforeAll(() => {
    baseline = loadScenario('scenarios/baseline-2017.yaml');
    respect = loadScenario('scenarios/respect-core-interests.yaml');
  });

  it('draw every position and salience within the data’s ranges, the same in two scenarios (common random numbers)', () => {
    const ci = baseline.coreInterests!;
    for (let k = 0; k < 20; k++) {
      const streams = new RunStreams(Rng.stream(2017, k));
      const st = drawStances(ci, (a, d, w) => streams.stream(Purpose.stance, a, d, w));
      st.position.forEach((x, at) => {
        expect(x).toBeGreaterThanOrEqual(ci.positionRange[2 * at]!);
        expect(x).toBeLessThanOrEqual(ci.positionRange[2 * at + 1]!);
      });
      st.salience.forEach((x, at) => {
        expect(x).toBeGreaterThanOrEqual(ci.salienceRange[2 * at]! - 1e-12);
        expect(x).toBeLessThanOrEqual(ci.salienceRange[2 * at + 1]! + 1e-12);
      });
      const a = drawParameters(baseline, new RunStreams(Rng.stream(2017, k)));
      const b = drawParameters(respect, new RunStreams(Rng.stream(2017, k)));
      expect(Array.from(b.params.stances!.position)).toEqual(Array.from(a.params.stances!.position));
      expect(Array.from(b.params.stances!.salience)).toEqual(Array.from(a.params.stances!.salience));
      expect(b.draws).toEqual(a.draws);
    }
  });

  it('records the starting mean tension as the draw of coreInterests.stances', () => {
    const k = baseline.uncertain.findIndex((u) => u.parameter === 'coreInterests.stances');
    const { draws } = drawParameters(baseline, new RunStreams(Rng.stream(2017, 3)));
    expect(draws[k]!).toBeGreaterThan(0.1);
    expect(draws[k]!).toBeLessThan(0.4);
    expect(meanTension(undefined)).toBe(0);
  });
});

describe('respect-core-interests', { timeout: 240_000 }, () => {
  it('runs: same seed, same bytes; less tension and better relations than baseline-2017 in paired runs', () => {
    const baseline = loadScenario('scenarios/baseline-2017.yaml');
    const respect = loadScenario('scenarios/respect-core-interests.yaml');
    const runs = [0, 1, 2];
    const one = simulateRuns(respect, 2017, runs, noDeterrence);
    const again = simulateRuns(respect, 2017, runs, noDeterrence);
    for (const [k, r] of one.entries()) {
      expect(Buffer.from(r.values.buffer).equals(Buffer.from(again[k]!.values.buffer))).toBe(true);
    }
    const base = simulateRuns(baseline, 2017, runs, noDeterrence);
    for (const [k, r] of one.entries()) {
      const t = series(respect, r, 'coreInterests.meanTension');
      const tb = series(baseline, base[k]!, 'coreInterests.meanTension');
      expect(t[0]).toBe(tb[0]);
      expect(t.at(-1)!).toBeLessThan(tb.at(-1)! - 0.05);
      expect(series(respect, r, 'coreInterests.USA-CHN').at(-1)!).toBeLessThan(
        series(baseline, base[k]!, 'coreInterests.USA-CHN').at(-1)!,
      );
    }
    const mean = (rs: RunResult[], s: Scenario) =>
      rs.reduce((a, r) => a + series(s, r, 'relations.meanScore').at(-1)!, 0) / rs.length;
    expect(mean(one, respect)).toBeGreaterThan(mean(base, baseline));
  });

  it('gives byte-identical JSON with 1 and with 2 workers', () => {
    const run = (workers: string) =>
      runCli([
        'run',
        'scenarios/respect-core-interests.yaml',
        '--runs',
        '12',
        '--workers',
        workers,
        '--store',
        join(dir, `respect-${workers}.db`),
        '--json',
      ]);
    const one = run('1');
    const two = run('2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('coreInterests.meanTension');
  });
});
