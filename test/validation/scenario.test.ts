/**
 * Validation of the scenario engine against closed forms of its parts
 * (docs/models/scenario.md, "Validation"): no published table describes the
 * coupled model, so each case isolates one rule with the others switched off.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { type EngineParts, scenarioSeries, simulateRun, yearCount } from '../../src/scenario/engine.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/scenario.js';

const noDeterrence: EngineParts = { deterrence: null };
const ALL_OFF = `
couplings:
  interaction: false
  consultation: false
  economicStake: false
  hostileMisperception: false
  interactionSignal: false
  structuralBalance: false
  threatPerception: false
  alignmentPreference: false
  armsReaction: false
  damageLimitation: false
  forceConversion: false
  coreInterests: false
  crises: false`;

function run(yaml: string): { s: Scenario; get: (name: string) => number[] } {
  const s = parseScenario(yaml, 'validation.yaml');
  const r = simulateRun(s, 0, Rng.stream(1, 0), noDeterrence);
  const names = scenarioSeries(s);
  const y = yearCount(s);
  return {
    s,
    get: (name) => {
      const k = names.indexOf(name);
      return Array.from(r.values.subarray(k * y, (k + 1) * y));
    },
  };
}

describe('scenario engine validation', () => {
  it('Axelrod: two Tit For Tat players without noise cooperate every round, so win-win gains are rounds·years·R and lose-lose 0', () => {
    const { get } = run(`
name: tft
description: validation
actors: [USA, RUS]
years: 2017..2021
policies:
  default: { strategy: Tit For Tat, noise: 0, misperception: 0, consultation: 0 }
${ALL_OFF.replace('interaction: false', 'interaction: { roundsPerYear: 12 }')}`);
    expect(get('gains.winWin.USA')).toEqual([12, 24, 36, 48, 60]);
    expect(get('gains.winWin.RUS').at(-1)).toBe(60);
    expect(get('gains.loseLose').at(-1)).toBe(0);
    expect(get('gains.net.USA').at(-1)).toBe(60);
  });

  it('Richardson (1960): for two hostile actors with equal k and a, the eigenvalues are −a ± k·h, so the margin is a − k·h', () => {
    const { get } = run(`
name: margin
description: validation
world:
  default: 2016
  overrides:
    relations: [{ a: USA, b: RUS, score: -0.5 }]
actors: [USA, RUS]
years: 2017..2019
policies:
  default: { arms: { reaction: 0.1, fatigue: 0.2, baselineGrowth: 0 } }
${ALL_OFF.replace('armsReaction: false', 'armsReaction: true')}`);
    for (const m of get('arms.eigenvalueMargin')) expect(m).toBeCloseTo(0.2 - 0.1 * 0.5, 12);
  });

  it('Richardson without reactions, level form: spending follows the forward-Euler path x(t) = 1 + (growth/a)·(1 − (1 − a)^t)', () => {
    const a = 0.1;
    const growth = 0.03;
    const { get } = run(`
name: euler
description: validation
actors: [USA, CHN]
years: 2017..2026
policies:
  default: { arms: { fatigue: ${a}, baselineGrowth: ${growth} } }
${ALL_OFF.replace('armsReaction: false', 'armsReaction: { enabled: false, trend: false }')}`);
    const x = (t: number) => 1 + (growth / a) * (1 - (1 - a) ** t);
    for (const [t, g] of get('arms.milexGrowth').entries()) expect(g).toBeCloseTo(x(t + 1) / x(t) - 1, 12);
  });

  it("Richardson without reactions, trend form (the default): spending grows at each actor's trend every year, whatever the fatigue", () => {
    const { s, get } = run(`
name: trend
description: validation
actors: [USA, CHN]
years: 2017..2026
policies:
  default: { arms: { fatigue: 0.3 } }
  USA: { arms: { baselineGrowth: 0.01 } }
  CHN: { arms: { baselineGrowth: 0.08 } }
${ALL_OFF}`);
    // Σm(t+1)/Σm(t) − 1 with m_USA(t) = m_USA(0)·1.01^t and m_CHN(t) = m_CHN(0)·1.08^t.
    const m0 = ['USA', 'CHN'].map((id) => s.world.actors[id]!.capabilities!.milexThousands!);
    const total = (t: number) => m0[0]! * 1.01 ** t + m0[1]! * 1.08 ** t;
    const growth = get('arms.milexGrowth');
    expect(growth).toHaveLength(10);
    for (const [t, g] of growth.entries()) expect(g).toBeCloseTo(total(t + 1) / total(t) - 1, 12);
  });

  it('structural balance (Marvel et al. 2011, discretised): the negative tie of a (+, +, −) triangle rises toward the product of the other two', () => {
    const beta = 0.1;
    const { get } = run(`
name: balance
description: validation
world:
  default: 2016
  overrides:
    relations:
      - { a: USA, b: GBR, score: 0.8 }
      - { a: USA, b: FRA, score: 0.6 }
      - { a: GBR, b: FRA, score: -0.4 }
actors: [USA, GBR, FRA]
years: 2017..2017
${ALL_OFF.replace('structuralBalance: false', `structuralBalance: { rate: ${beta} }`)}`);
    const ug = 0.8 + beta * (0.6 * -0.4 - 0.8);
    const uf = 0.6 + beta * (0.8 * -0.4 - 0.6);
    const gf = -0.4 + beta * (0.8 * 0.6 + 0.4);
    expect(get('relations.meanScore')[0]).toBeCloseTo((ug + uf + gf) / 3, 12);
    expect(get('relations.cooperativeTies')[0]).toBeCloseTo(2 / 3, 12);
  });
});
