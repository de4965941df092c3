import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { loadDefaultWorld } from '../../world/default.js';
import { dyad } from './dyad.js';
import { applyDeterrenceDraws, DETERRENCE_UNCERTAINTIES } from './uncertainty.js';

describe('sampled deterrence parameters', () => {
  const world = loadDefaultWorld();

  it('a draw sets the named parameters everywhere and leaves the rest as shipped', () => {
    const w = applyDeterrenceDraws(world, { 'deterrence.pk': 0.4, 'deterrence.alert.slbm.generated': 0.6 });
    expect(w.actors.USA?.defenses?.GMD?.pk).toBe(0.4);
    expect(w.actors.RUS?.forces?.systems['SS-N-23']?.alertGenerated).toBe(0.6);
    expect(w.actors.RUS?.forces?.systems['SS-18']?.alertGenerated).toBe(0);
    // China's warheads in central storage day to day stay at 0.
    expect(w.actors.CHN?.forces?.systems['JL-2']?.alertDayToDay).toBe(0);
    expect(w.actors.USA?.forces?.systems['MM3-W78']?.reliability).toBe(0.8);
  });

  it('draws over the default ranges give US–China first-strike stability a band of non-zero width', () => {
    const rng = Rng.stream(2017, 0);
    const values: number[] = [];
    for (let k = 0; k < 8; k++) {
      const draws = Object.fromEntries(
        DETERRENCE_UNCERTAINTIES.map((u) => [u.parameter, u.min + (u.max - u.min) * rng.next()]),
      );
      values.push(dyad(applyDeterrenceDraws(world, draws), 'USA', 'CHN').firstStrikeStability);
    }
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.005);
  });

  it('an unknown parameter or a probability above 1 is bad input at draws.<parameter>', () => {
    try {
      applyDeterrenceDraws(world, { 'deterrence.nope': 1, 'deterrence.pk': 1.5 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).problems.map((p) => p.path?.join('.'))).toEqual([
        'draws.deterrence.nope',
        'draws.deterrence.pk',
      ]);
    }
  });
});
