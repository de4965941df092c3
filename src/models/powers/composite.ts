/**
 * A configurable composite power index: named dimensions, each a share of the
 * system total, combined with user weights.
 */
import type { Actor, ActorId, World } from '../../world/index.js';

/** The dimensions of the composite index (definitions in docs/models/powers.md). */
export const DIMENSIONS = ['military', 'economic', 'demographic', 'nuclear', 'diplomatic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Weights = Readonly<Record<Dimension, number>>;

/** Default weights: all dimensions count equally (a modelling assumption, not a finding). */
export const DEFAULT_WEIGHTS: Weights = {
  military: 1,
  economic: 1,
  demographic: 1,
  nuclear: 1,
  diplomatic: 1,
};

/**
 * First nuclear explosive test by each state that has conducted one, by actor
 * id (the nuclear indicator used when a world carries no forces). Source:
 * Comprehensive Nuclear-Test-Ban Treaty Organization, "The history of nuclear
 * testing"; SIPRI Yearbook, "World nuclear forces". Israel, which has neither
 * confirmed nor denied possessing nuclear weapons and has conducted no
 * acknowledged test, and South Africa, which dismantled its devices without
 * a test, are not in this list.
 */
export const FIRST_NUCLEAR_TEST_YEAR: Readonly<Record<ActorId, number>> = {
  USA: 1945,
  RUS: 1949,
  GBR: 1952,
  FRA: 1960,
  CHN: 1964,
  IND: 1974,
  PAK: 1998,
  PRK: 2006,
};

/** One actor's composite score and its parts. */
export interface CompositeScore {
  readonly id: ActorId;
  /** Weighted mean of the dimension shares present for the actor, in [0, 1]; null if it has data on no weighted dimension. */
  readonly value: number | null;
  /** Share of the actor in each dimension; null where the actor's data are missing. */
  readonly dimensions: Readonly<Record<Dimension, number | null>>;
}

/** Warheads of an actor's forces: deployed (Σ launchers × warheads per launcher) or, with no systems, the total given. */
export function warheads(actor: Actor): number {
  const forces = actor.forces;
  if (!forces) return 0;
  const systems = Object.values(forces.systems);
  if (systems.length === 0) return forces.totalWarheads ?? 0;
  return systems.reduce((sum, s) => sum + s.launchers * s.warheadsPerLauncher, 0);
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/** Shares of a non-negative quantity over the actors that report it (null = not reported). */
function sharesOf(values: readonly (number | null)[]): (number | null)[] {
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return values.map((v) => (v === null ? null : total > 0 ? v / total : 0));
}

/**
 * The composite index of every actor with NMC capabilities or GDP.
 *
 * Dimensions (each a share of the system total, in [0, 1]):
 * - military: mean of the shares of military expenditure and personnel (COW NMC);
 * - economic: share of GDP, current US$ (World Bank);
 * - demographic: mean of the shares of total and urban population (COW NMC);
 * - nuclear: share of warheads when any actor in the world carries `forces`
 *   (actors without forces count 0), otherwise the share of an indicator that
 *   is 1 for states that had conducted a nuclear test by the world's year
 *   ({@link FIRST_NUCLEAR_TEST_YEAR});
 * - diplomatic: share of an indicator that is 1 for UN Security Council
 *   permanent members.
 *
 *   value_i = Σ_{d ∈ D_i} w_d s_id / Σ_{d ∈ D_i} w_d,  D_i = dimensions with data for i,
 *
 * as CINC averages over the components present. Weights are non-negative
 * with a positive sum (checked by the caller).
 */
export function compositeScores(world: World, weights: Weights = DEFAULT_WEIGHTS): CompositeScore[] {
  const entries = Object.entries(world.actors).filter(([, a]) => a.capabilities || a.gdpUsd != null);
  const cap = (a: Actor, k: keyof NonNullable<Actor['capabilities']>) => a.capabilities?.[k] ?? null;
  const milex = sharesOf(entries.map(([, a]) => cap(a, 'milexThousands')));
  const milper = sharesOf(entries.map(([, a]) => cap(a, 'milperThousands')));
  const gdp = sharesOf(entries.map(([, a]) => a.gdpUsd ?? null));
  const tpop = sharesOf(entries.map(([, a]) => cap(a, 'totalPopulationThousands')));
  const upop = sharesOf(entries.map(([, a]) => cap(a, 'urbanPopulationThousands')));
  const anyForces = entries.some(([, a]) => a.forces !== undefined);
  const nuclear = sharesOf(
    entries.map(([id, a]) => {
      if (anyForces) return warheads(a);
      const first = FIRST_NUCLEAR_TEST_YEAR[id];
      return first !== undefined && first <= world.year ? 1 : 0;
    }),
  );
  const diplomatic = sharesOf(entries.map(([, a]) => (a.unscPermanent ? 1 : 0)));

  return entries.map(([id], i) => {
    const dimensions: Record<Dimension, number | null> = {
      military: mean([milex[i] ?? null, milper[i] ?? null]),
      economic: gdp[i] ?? null,
      demographic: mean([tpop[i] ?? null, upop[i] ?? null]),
      nuclear: nuclear[i] ?? null,
      diplomatic: diplomatic[i] ?? null,
    };
    let sum = 0;
    let weightSum = 0;
    for (const d of DIMENSIONS) {
      const s = dimensions[d];
      if (s === null || weights[d] === 0) continue;
      sum += weights[d] * s;
      weightSum += weights[d];
    }
    return { id, value: weightSum > 0 ? sum / weightSum : null, dimensions };
  });
}
