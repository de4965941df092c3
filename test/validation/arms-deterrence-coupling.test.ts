/**
 * "Respond in kind" with the real deterrence model: Russia reacts to the
 * United States' *effective* capacity, US spending scaled up by the share of
 * a Russian retaliatory salvo that US missile defences would destroy (from
 * models/deterrence `leakDistribution`). Figures are illustrative assumptions
 * except the interceptor Pk 0.56, 4 interceptors per RV and 44 GBIs, which
 * are the deterrence notes' §3 / fixture `bmd-gbi-4-per-rv` values.
 */
import { describe, expect, it } from 'vitest';
import {
  coupledStability,
  type PerceivedThreat,
  type RichardsonSystem,
  richardsonEquilibrium,
  simulateRichardson,
} from '../../src/models/arms/index.js';
import { type DefenseLayer, distributionMean, leakDistribution } from '../../src/models/deterrence/index.js';

const USA = 0;
const RUS = 1;
/** Assumption: Russian warheads arriving at the US defence in a retaliatory strike. */
const RETALIATORY_WARHEADS = 20;

/** Share of the retaliatory salvo destroyed by `interceptors` GBIs (expected value). */
function damageLimitation(interceptors: number): number {
  const layer: DefenseLayer = {
    interceptors,
    pk: 0.56,
    salvo: 4,
    shootLookShoot: false,
    discrimination: 1,
    trackProbability: 1,
  };
  const leak = leakDistribution(
    [{ warheads: RETALIATORY_WARHEADS, decoysPerWarhead: 0, coveredBy: [0] }],
    [layer],
  );
  return 1 - distributionMean(leak.distribution) / RETALIATORY_WARHEADS;
}

/** GBIs deployed: none until year 5, then 44 by year 10 (linear ramp). */
const gbis = (t: number): number => 44 * Math.min(1, Math.max(0, (t - 5) / 5));

const system: RichardsonSystem = {
  actors: ['USA', 'RUS'],
  reaction: [
    [0, 0.3],
    [0.3, 0],
  ],
  fatigue: [0.6, 0.6],
  grievance: [1, 1],
};

const threat: PerceivedThreat = (observer, adversary, x, t) =>
  observer === RUS && adversary === USA ? x[USA]! * (1 + damageLimitation(gbis(t))) : x[adversary]!;

describe('arms × deterrence: a defence deployment appears as the other side’s build-up', () => {
  it('damage limitation grows with interceptors (44 GBIs at 4 per RV engage 11 of 20 RVs)', () => {
    expect(damageLimitation(0)).toBe(0);
    const d44 = damageLimitation(44);
    expect(d44).toBeCloseTo((11 * (1 - 0.44 ** 4)) / 20, 6);
    expect(damageLimitation(22)).toBeLessThan(d44);
  });

  it('Russia builds up after the deployment and the United States follows', () => {
    const start = richardsonEquilibrium(system).equilibrium!;
    const base = simulateRichardson(system, start, { horizonYears: 30 });
    const coupled = simulateRichardson(system, start, { horizonYears: 30, threat });
    expect(coupled.status).toBe('done');
    expect(coupled.states[5]![RUS]!).toBeCloseTo(base.states[5]![RUS]!, 5);
    expect(coupled.finalState[RUS]! / base.finalState[RUS]!).toBeGreaterThan(1.1);
    expect(coupled.finalState[USA]!).toBeGreaterThan(base.finalState[USA]!);
    // After year 10 the defence is constant: the coupled system is linear with Russia's k scaled by 1 + δ.
    const delta = damageLimitation(44);
    const shifted: RichardsonSystem = {
      ...system,
      reaction: [
        [0, 0.3],
        [0.3 * (1 + delta), 0],
      ],
    };
    const target = richardsonEquilibrium(shifted).equilibrium!;
    const late = simulateRichardson(system, start, { horizonYears: 120, threat, outputStepYears: 120 });
    expect(late.finalState[RUS]!).toBeCloseTo(target[RUS]!, 5);
    expect(coupledStability(system, late.finalState, threat, 120).margin).toBeLessThan(
      coupledStability(system, start, threat, 0).margin,
    );
  });
});
