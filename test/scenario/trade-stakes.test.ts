/**
 * Economic stakes from trade in the scenario engine (issue 16, rule I3):
 * closed forms with every coupling but the interaction and the stakes off,
 * two Tit For Tat players without noise (every round mutual cooperation).
 */
import { describe, expect, it } from 'vitest';
import { ConcertError, formatProblem } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { dyadStake } from '../../src/models/economy/shocks.js';
import { tradeTableOfWorld } from '../../src/models/economy/trade-table.js';
import { type EngineParts, scenarioSeries, simulateRun, yearCount } from '../../src/scenario/engine.js';
import { gini } from '../../src/scenario/indicators.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/scenario.js';

const noDeterrence: EngineParts = { deterrence: null };

const OTHERS_OFF = `
  consultation: false
  hostileMisperception: false
  interactionSignal: false
  structuralBalance: false
  threatPerception: false
  alignmentPreference: false
  armsReaction: false
  damageLimitation: false
  forceConversion: false
  crises: false`;

function scenario(extra = '', couplings = ''): Scenario {
  return parseScenario(
    `name: trade
description: test fixture, not a claim about the world
actors: [USA, CHN, RUS]
years: 2017..2021
policies:
  default: { strategy: Tit For Tat, noise: 0, misperception: 0, consultation: 0 }
${extra}
couplings:
  interaction: { roundsPerYear: 12 }${couplings}${OTHERS_OFF}
`,
    'trade.yaml',
  );
}

function run(s: Scenario): (name: string) => number[] {
  const r = simulateRun(s, 0, Rng.stream(1, 0), noDeterrence);
  const names = scenarioSeries(s);
  const y = yearCount(s);
  return (name) => {
    const k = names.indexOf(name);
    if (k < 0) throw new Error(`no series ${name}`);
    return Array.from(r.values.subarray(k * y, (k + 1) * y));
  };
}

/** What each side loses (US$ bn per year) if the share `cut` of the dyad's trade stops, from models/economy directly. */
function losses(s: Scenario, a: string, b: string, theta: number, cut: number): [number, number] {
  const t = tradeTableOfWorld(s.world, [a, b]);
  const nat = (i: number) => ({
    gdpUsdM: t.gdpUsdM[i]!,
    exportsUsdM: t.exportsUsdM[i]!,
    importsUsdM: t.importsUsdM[i]!,
  });
  const d = dyadStake(nat(0), nat(1), t.importsFrom[1]!, t.importsFrom[2]!, theta, cut);
  return [d.lossAUsdM / 1000, d.lossBUsdM / 1000];
}

describe('stakes from trade (rule I3)', () => {
  it('a year of mutual cooperation books R times the gains from trade each side has in its dyads (US$ bn)', () => {
    const s = scenario();
    const get = run(s);
    const [usChn, chnUs] = losses(s, 'USA', 'CHN', 5, 1);
    const [usRus] = losses(s, 'USA', 'RUS', 5, 1);
    const [chnRus] = losses(s, 'CHN', 'RUS', 5, 1);
    // US–China: about 94 and 63 US$ bn a year (2014 trade, θ = 5).
    expect(usChn).toBeGreaterThan(50);
    expect(chnUs).toBeGreaterThan(30);
    const usa = get('gains.winWin.USA');
    usa.forEach((v, t) => {
      expect(v).toBeCloseTo((t + 1) * (usChn + usRus), 6);
    });
    expect(get('gains.winWin.CHN').at(-1)).toBeCloseTo(5 * (chnUs + chnRus), 6);
    expect(get('gains.loseLose').at(-1)).toBe(0);
  });

  it('a sanction cuts the trade by its severity: each side loses its gains from that trade every year, and plays for the rest', () => {
    const s = scenario('events:\n  - { type: sanction, year: 2017, actor: USA, target: CHN, severity: 0.4 }');
    const get = run(s);
    const [full] = losses(s, 'USA', 'CHN', 5, 1);
    const [cut] = losses(s, 'USA', 'CHN', 5, 0.4);
    const [usRus] = losses(s, 'USA', 'RUS', 5, 1);
    expect(cut).toBeGreaterThan(0);
    expect(get('gains.loseLose.USA').at(-1)).toBeCloseTo(5 * cut, 6);
    expect(get('gains.winWin.USA').at(-1)).toBeCloseTo(5 * (full - cut + usRus), 6);
    expect(get('gains.net.USA').at(-1)).toBeCloseTo(5 * (full - 2 * cut + usRus), 6);
  });

  it('a trade war’s tariff τ cuts trade to (1 + τ)^−θ with the scenario’s trade elasticity', () => {
    const s = scenario(
      'events:\n  - { type: trade-war, year: 2019, actor: USA, target: CHN, tariff: 0.25 }',
      '\n  economicStake: { tradeElasticity: 4 }',
    );
    const get = run(s);
    const share = 1 - 1.25 ** -4;
    const [, chnCut] = losses(s, 'USA', 'CHN', 4, share);
    const lose = get('gains.loseLose.CHN');
    expect(lose.slice(0, 2)).toEqual([0, 0]);
    expect(lose.at(-1)).toBeCloseTo(3 * chnCut, 6);
  });

  it('gains.giniShare is the Gini coefficient of cumulative win-win gains as shares of GDP', () => {
    const s = scenario();
    const get = run(s);
    const shares = s.actors.map(
      (id) => (get(`gains.winWin.${id}`).at(-1)! * 1e9) / s.world.actors[id]!.gdpUsd!,
    );
    expect(get('gains.giniShare').at(-1)).toBeCloseTo(gini(shares), 12);
    expect(get('gains.gini').at(-1)).toBeCloseTo(
      gini(s.actors.map((id) => get(`gains.winWin.${id}`).at(-1)!)),
      12,
    );
  });

  it('refuses a trade war on oneself and a trade elasticity ≤ 0, each located', () => {
    let problems: string[] = [];
    try {
      scenario(
        'events:\n  - { type: trade-war, year: 2019, actor: USA, target: USA }',
        '\n  economicStake: { tradeElasticity: 0 }',
      );
    } catch (e) {
      if (!(e instanceof ConcertError)) throw e;
      problems = e.problems.map(formatProblem);
    }
    expect(problems).toEqual([
      expect.stringMatching(
        /^trade\.yaml:\d+:\d+: couplings\.economicStake\.tradeElasticity: expected a trade elasticity θ > 0/,
      ),
      expect.stringMatching(
        /^trade\.yaml:8:\d+: events\[0\]\.target: an actor cannot wage a trade war on itself/,
      ),
    ]);
  });
});
