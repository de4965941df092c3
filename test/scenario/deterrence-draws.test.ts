/**
 * Deterrence in the scenario engine (issue 15): deterrence parameters sampled
 * through the `uncertain` block, crisis stability per nuclear dyad, the
 * `switch-sensor` event and deployments whose reach the geometry computes.
 */
import { describe, expect, it } from 'vitest';
import { ConcertError, formatProblem } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { dyad } from '../../src/models/deterrence/dyad.js';
import { applyDeterrenceDraws, DETERRENCE_UNCERTAINTIES } from '../../src/models/deterrence/uncertainty.js';
import { posture } from '../../src/scenario/deterrence-update.js';
import { scenarioSeries, simulateRun, simulateRuns, yearCount } from '../../src/scenario/engine.js';
import { EventSchedule } from '../../src/scenario/events.js';
import { parseScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { initialState } from '../../src/scenario/state.js';
import type { World } from '../../src/world/schema.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input') return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected bad input');
}

const HEAD = `name: draws
description: test fixture, not a claim about the world
actors: [USA, RUS, CHN]
years: 2017..2019
`;

const DRAWN = `${HEAD}uncertain:
  - parameter: deterrence.pk
  - parameter: deterrence.alert.road-mobile.generated
    distribution: { type: uniform, min: 0.2, max: 0.9 }
  - parameter: deterrence.reliability
  - parameter: deterrence.cepFactor
couplings: { interaction: { roundsPerYear: 2 } }
`;

function series(s: Scenario, values: Float64Array, name: string): number[] {
  const k = scenarioSeries(s).indexOf(name);
  if (k < 0) throw new Error(`no series ${name}`);
  const y = yearCount(s);
  return Array.from(values.subarray(k * y, (k + 1) * y));
}

describe('deterrence parameters in a scenario’s uncertain block', () => {
  it('fills a deterrence parameter’s documented default range when no distribution is given', () => {
    const s = parseScenario(DRAWN, 'draws.yaml');
    const pk = DETERRENCE_UNCERTAINTIES.find((u) => u.parameter === 'deterrence.pk')!;
    expect(s.uncertain[0]).toEqual({
      parameter: 'deterrence.pk',
      distribution: { type: 'uniform', min: pk.min, max: pk.max },
    });
    expect(s.uncertain[1]!.distribution).toEqual({ type: 'uniform', min: 0.2, max: 0.9 });
  });

  it('refuses unknown deterrence parameters, missing distributions elsewhere and non-positive factors, each located', () => {
    const problems = problemsOf(() =>
      parseScenario(
        `${HEAD}uncertain:
  - parameter: deterrence.alertness
  - parameter: policies.default.noise
  - parameter: deterrence.cepFactor
    distribution: { type: normal, mean: 1, sd: 0.2 }
`,
        'bad.yaml',
      ),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^bad\.yaml:6:\d+: uncertain\[0\]\.parameter: unknown deterrence parameter "deterrence\.alertness": expected one of deterrence\.reliability, /,
    );
    expect(problems[1]).toMatch(
      /^bad\.yaml:7:\d+: uncertain\[1\]: "policies\.default\.noise" needs a distribution \(only deterrence\.\* parameters have a default range\)/,
    );
    expect(problems[2]).toMatch(
      /^bad\.yaml:9:\d+: uncertain\[2\]\.distribution: deterrence\.cepFactor must stay above 0/,
    );
  });

  it('gives the first year a crisis-stability band of non-zero width, and none without the draws', () => {
    const drawn = parseScenario(DRAWN, 'draws.yaml');
    const fixed = parseScenario(`${HEAD}couplings: { interaction: { roundsPerYear: 2 } }\n`, 'fixed.yaml');
    const first = (s: Scenario) =>
      simulateRuns(s, 5, [0, 1, 2, 3], defaultParts(s)).map(
        (r) => series(s, r.values, 'crisisStability.USA-CHN')[0]!,
      );
    const a = first(drawn);
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.005);
    const b = first(fixed);
    expect(new Set(b).size).toBe(1);
  });

  it('evaluates each run on the world with its draws applied: the first year’s dyad equals models/deterrence on that world', () => {
    const s = parseScenario(DRAWN, 'draws.yaml');
    const r = simulateRun(s, 2, Rng.stream(5, 2), defaultParts(s));
    const draws = Object.fromEntries(
      s.uncertain.map((u, k) => [u.parameter, r.draws[k]!] as const),
    ) as Record<string, number>;
    const world: World = applyDeterrenceDraws(s.world, draws);
    for (const [a, b] of [
      ['USA', 'CHN'],
      ['USA', 'RUS'],
    ] as const) {
      const expected = dyad({ ...world, relations: [] }, a, b).firstStrikeStability;
      expect(series(s, r.values, `crisisStability.${a}-${b}`)[0]).toBeCloseTo(expected, 12);
    }
  });

  it('computes a run with its own draws the same after other runs as alone (its memo is its own)', () => {
    const s = parseScenario(DRAWN, 'draws.yaml');
    const all = simulateRuns(s, 7, [0, 1, 2, 3, 4], defaultParts(s));
    const [alone] = simulateRuns(s, 7, [3], defaultParts(s));
    expect(Array.from(alone!.values)).toEqual(Array.from(all[3]!.values));
  });

  it('applies a sampled Pk to every interceptor, also of systems deployed later', () => {
    const s = parseScenario(
      `${HEAD}events:
  - { type: deploy-missile-defense, year: 2018, actor: USA, system: NEW, interceptors: 10, pk: 0.9 }
`,
      'pk.yaml',
    );
    const state = initialState(s, undefined, { 'deterrence.pk': 0.33 });
    new EventSchedule(s.events, s.actors).apply(state, 2018);
    const p = posture(state, 0, 1)!;
    expect(Object.keys(p.defenses)).toContain('NEW');
    for (const d of Object.values(p.defenses)) expect(d.pk).toBe(0.33);
    expect(p.local).toBe(true);
    expect(p.key).toMatch(/~deterrence\.pk=0\.33$/);
  });
});

describe('crisis stability per nuclear dyad', () => {
  it('records one series per nuclear dyad, whose minimum and mean are the worst and mean series', () => {
    const s = parseScenario(DRAWN, 'draws.yaml');
    const names = scenarioSeries(s);
    expect(names.filter((n) => /^crisisStability\.[A-Z]{3}-[A-Z]{3}$/.test(n))).toEqual([
      'crisisStability.USA-RUS',
      'crisisStability.USA-CHN',
      'crisisStability.RUS-CHN',
    ]);
    expect(names).not.toContain('crisisStability.dyad');
    const r = simulateRun(s, 1, Rng.stream(5, 1), defaultParts(s));
    const dyads = ['USA-RUS', 'USA-CHN', 'RUS-CHN'].map((d) => series(s, r.values, `crisisStability.${d}`));
    const worst = series(s, r.values, 'crisisStability.worst');
    const mean = series(s, r.values, 'crisisStability.mean');
    worst.forEach((w, t) => {
      expect(w).toBe(Math.min(...dyads.map((d) => d[t]!)));
      expect(mean[t]).toBeCloseTo(dyads.reduce((sum, d) => sum + d[t]!, 0) / 3, 12);
    });
  });
});

describe('switch-sensor and deployments placed by the geometry', () => {
  it('switches a sensor of the world on for the event’s duration, in the postures the evaluator sees', () => {
    const s = parseScenario(
      `${HEAD}events:
  - { type: switch-sensor, year: 2018, duration: 1, actor: USA, sensor: TPY-2-Korea }
`,
      'sensor.yaml',
    );
    const state = initialState(s);
    const schedule = new EventSchedule(s.events, s.actors);
    const enabled = () => posture(state, 0, 1)!.sensors!['TPY-2-Korea']!.enabled;
    schedule.apply(state, 2017);
    expect(enabled()).toBe(false);
    schedule.apply(state, 2018);
    expect(enabled()).toBe(true);
    schedule.apply(state, 2019);
    expect(enabled()).toBe(false);
  });

  it('refuses a sensor or a like: template the actor does not have, and geometry for an existing system, each located', () => {
    const problems = problemsOf(() =>
      parseScenario(
        `${HEAD}events:
  - { type: switch-sensor, year: 2018, actor: USA, sensor: TPY-2-Mars }
  - { type: deploy-missile-defense, year: 2018, actor: USA, system: X, interceptors: 4, like: Patriot }
  - { type: deploy-missile-defense, year: 2018, actor: USA, system: GMD, interceptors: 4, interceptorSpeedKmS: 7 }
  - type: deploy-missile-defense
    year: 2018
    actor: USA
    system: Y
    interceptors: 4
    pk: 0.5
    sites: [{ name: Somewhere, lat: 50, lon: 10 }]
`,
        'events.yaml',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^events\.yaml:6:\d+: events\[0\]\.sensor: unknown sensor "TPY-2-Mars" of USA: expected one of UEWR-Clear, /,
      ),
      expect.stringMatching(
        /^events\.yaml:7:\d+: events\[1\]\.like: unknown defense "Patriot" of USA: expected one of GMD, /,
      ),
      expect.stringMatching(
        /^events\.yaml:8:\d+: events\[2\]\.interceptorSpeedKmS: "GMD" is an existing defense of USA: interceptorSpeedKmS is only for a new system/,
      ),
      ...['phase', 'interceptorSpeedKmS', 'interceptorRangeKm', 'minAltitudeKm', 'maxAltitudeKm'].map((f) =>
        expect.stringMatching(
          new RegExp(`^events\\.yaml:9:\\d+: events\\[3\\]\\.${f}: a new defense with sites needs ${f}`),
        ),
      ),
    ]);
  });

  it('builds a new defense from its like: template and its own sites and speed', () => {
    const s = parseScenario(
      `${HEAD}events:
  - type: deploy-missile-defense
    year: 2018
    actor: USA
    system: Aegis-Ashore-Poland
    interceptors: 24
    like: Aegis-Ashore-Romania
    sites: [{ name: Redzikowo, lat: 54.48, lon: 17.1 }]
    interceptorSpeedKmS: 4.5
`,
      'like.yaml',
    );
    const state = initialState(s);
    new EventSchedule(s.events, s.actors).apply(state, 2018);
    const romania = s.world.actors.USA!.defenses!['Aegis-Ashore-Romania']!;
    const poland = state.defenses[0]!['Aegis-Ashore-Poland']!;
    expect(poland).toMatchObject({
      interceptors: 24,
      pk: romania.pk,
      salvo: romania.salvo,
      discrimination: romania.discrimination,
      phase: romania.phase,
      interceptorRangeKm: romania.interceptorRangeKm,
      interceptorSpeedKmS: 4.5,
      sites: [{ name: 'Redzikowo', lat: 54.48, lon: 17.1 }],
      coverage: [{ attacker: '*' }],
    });
  });
});
