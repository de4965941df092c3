/**
 * The deterrence parameters a scenario ensemble samples (its `uncertain`
 * block), with their default ranges, and the pure function that applies one
 * draw to a world. Every range is an assumption around the value the shipped
 * forces use (docs/models/deterrence.md, "Uncertainty"): no source fixes
 * these figures, and the ensemble's crisis-stability band shows how much they
 * matter.
 */
import { ConcertError, type Problem } from '../../core/errors.js';
import type { Basing } from '../../world/forces.js';
import type { World } from '../../world/schema.js';

/** One sampled deterrence parameter: its name in an `uncertain` block, unit, default range and why. */
export interface DeterrenceUncertainty {
  readonly parameter: string;
  readonly unit: string;
  /** Default distribution: uniform on [min, max]. */
  readonly min: number;
  readonly max: number;
  readonly reasoning: string;
}

const ALERT = (basing: Basing, posture: 'dayToDay' | 'generated', min: number, max: number, why: string) => ({
  parameter: `deterrence.alert.${basing}.${posture}`,
  unit: 'share of launchers',
  min,
  max,
  reasoning: why,
});

/** The sampled parameters and their default ranges (assumptions, each with its reasoning). */
export const DETERRENCE_UNCERTAINTIES: readonly DeterrenceUncertainty[] = [
  {
    parameter: 'deterrence.reliability',
    unit: 'probability',
    min: 0.7,
    max: 0.9,
    reasoning: 'every system uses 0.8 for want of a source; ±0.1 around it',
  },
  ALERT(
    'slbm',
    'dayToDay',
    0.3,
    0.6,
    'the uniform 0.5 at sea day to day; fewer boats at sea for small fleets',
  ),
  ALERT('slbm', 'generated', 0.5, 0.9, 'the uniform 0.8 generated; China’s JL-2 patrols are disputed'),
  ALERT('road-mobile', 'dayToDay', 0.1, 0.3, 'the uniform 0.2 dispersed day to day'),
  ALERT('road-mobile', 'generated', 0.5, 0.9, 'the uniform 0.8 dispersed when generated'),
  ALERT('bomber', 'generated', 0.3, 0.7, 'the uniform 0.5 on alert when generated'),
  {
    parameter: 'deterrence.pk',
    unit: 'probability',
    min: 0.4,
    max: 0.7,
    reasoning:
      'every interceptor uses 0.55, the middle of the 50–60% US test record (Slate, 2017); wider both ways',
  },
  {
    parameter: 'deterrence.cepFactor',
    unit: 'multiplier',
    min: 0.8,
    max: 1.25,
    reasoning: 'published CEPs are ranges (Suh 2022 Table 4); every CEP scaled by the same factor',
  },
  {
    parameter: 'deterrence.siloHardnessPsi',
    unit: 'psi',
    min: 1000,
    max: 5000,
    reasoning:
      'every silo is set to 2,000 psi (one code-grade figure for Minuteman); Richelson’s 5,000 psi as the top',
  },
];

/**
 * `world` with one draw applied to every actor's forces and defenses:
 * `deterrence.reliability` sets every system's reliability,
 * `deterrence.alert.<basing>.<dayToDay|generated>` the escape shares of that
 * basing (an actor whose shipped share is 0, such as China's warheads in
 * central storage day to day, keeps 0), `deterrence.pk` every interceptor's
 * single-shot Pk, `deterrence.cepFactor` multiplies every CEP,
 * `deterrence.siloHardnessPsi` sets every silo's hardness. Parameters absent
 * from `draws` are left as they are.
 *
 * @throws {ConcertError} bad input at `draws.<parameter>` for an unknown
 *   parameter or a value outside its domain (probabilities in [0, 1], factors
 *   and hardness > 0).
 * @example
 * applyDeterrenceDraws(world, { 'deterrence.pk': 0.4, 'deterrence.alert.slbm.generated': 0.6 });
 */
export function applyDeterrenceDraws(world: World, draws: Readonly<Record<string, number>>): World {
  const known = new Set(DETERRENCE_UNCERTAINTIES.map((u) => u.parameter));
  const problems: Problem[] = [];
  for (const [k, v] of Object.entries(draws)) {
    if (!known.has(k)) {
      problems.push({
        path: ['draws', k],
        message: `unknown deterrence parameter: expected one of ${[...known].join(', ')}`,
      });
      continue;
    }
    const probability =
      k === 'deterrence.reliability' || k === 'deterrence.pk' || k.startsWith('deterrence.alert.');
    if (!Number.isFinite(v) || (probability ? v < 0 || v > 1 : v <= 0))
      problems.push({
        path: ['draws', k],
        message: `expected ${probability ? 'a probability in [0, 1]' : 'a number > 0'}; got ${v}`,
      });
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const alert = (basing: Basing, p: 'dayToDay' | 'generated') => draws[`deterrence.alert.${basing}.${p}`];
  const actors: World['actors'] = {};
  for (const [id, a] of Object.entries(world.actors)) {
    if (!a.forces && !a.defenses) {
      actors[id] = a;
      continue;
    }
    const systems = Object.fromEntries(
      Object.entries(a.forces?.systems ?? {}).map(([sid, s]) => {
        const dd = alert(s.basing, 'dayToDay');
        const gen = alert(s.basing, 'generated');
        return [
          sid,
          {
            ...s,
            reliability: draws['deterrence.reliability'] ?? s.reliability,
            alertDayToDay: dd !== undefined && s.alertDayToDay > 0 ? dd : s.alertDayToDay,
            alertGenerated: gen !== undefined && s.alertGenerated > 0 ? gen : s.alertGenerated,
            cepM: s.cepM * (draws['deterrence.cepFactor'] ?? 1),
            ...(s.basing === 'silo' && draws['deterrence.siloHardnessPsi'] !== undefined
              ? { hardnessPsi: draws['deterrence.siloHardnessPsi'] }
              : {}),
          },
        ];
      }),
    );
    const defenses = Object.fromEntries(
      Object.entries(a.defenses ?? {}).map(([did, d]) => [did, { ...d, pk: draws['deterrence.pk'] ?? d.pk }]),
    );
    actors[id] = {
      ...a,
      ...(a.forces ? { forces: { ...a.forces, systems } } : {}),
      ...(a.defenses ? { defenses } : {}),
    };
  }
  return { ...world, actors };
}
