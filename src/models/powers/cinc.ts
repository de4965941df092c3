/**
 * The Correlates of War Composite Index of National Capability (CINC;
 * Singer, Bremer & Stuckey 1972).
 */
import type { ActorId, Capabilities, World } from '../../world/index.js';

/** The six NMC components, in COW's order. */
export const NMC_COMPONENTS = [
  'milexThousands',
  'milperThousands',
  'ironSteelKt',
  'energyKtCoalEq',
  'totalPopulationThousands',
  'urbanPopulationThousands',
] as const satisfies readonly (keyof Capabilities)[];
export type NmcComponent = (typeof NMC_COMPONENTS)[number];

/** One state's CINC and how it was formed. */
export interface CincScore {
  readonly id: ActorId;
  /** CINC, a share of the system's capabilities in [0, 1]; null if no component is reported. */
  readonly cinc: number | null;
  /** The state's share of the system total of each component (null where the component is missing). */
  readonly componentShares: Readonly<Record<NmcComponent, number | null>>;
  /** How many of the six components entered the mean. */
  readonly componentsUsed: number;
}

/**
 * CINC from a matrix of components: `rows[i][c]` is state i's value of
 * component c (null = missing). Each component is turned into the state's
 * share of the system total of that component (the sum over states that
 * report it), and CINC is the mean of the shares over the components the
 * state reports — COW's rule for missing values, which reproduces NMC v6.0's
 * published `cinc` to 2.4e-8 for every state-year 1816–2016. If a component's
 * system total is 0, every reporting state's share of it is 0.
 *
 *   CINC_i = (1 / |C_i|) Σ_{c ∈ C_i} x_ic / Σ_j x_jc,  C_i = components state i reports.
 */
export function cincFromComponents(rows: readonly (readonly (number | null)[])[]): {
  cinc: (number | null)[];
  shares: (number | null)[][];
} {
  const k = rows[0]?.length ?? 0;
  const totals = new Array<number>(k).fill(0);
  for (const row of rows) {
    for (let c = 0; c < k; c++) {
      const v = row[c];
      if (v !== null && v !== undefined) totals[c] = (totals[c] ?? 0) + v;
    }
  }
  const shares: (number | null)[][] = [];
  const cinc: (number | null)[] = [];
  for (const row of rows) {
    const s: (number | null)[] = [];
    let sum = 0;
    let n = 0;
    for (let c = 0; c < k; c++) {
      const v = row[c];
      if (v === null || v === undefined) {
        s.push(null);
        continue;
      }
      const total = totals[c] ?? 0;
      const share = total > 0 ? v / total : 0;
      s.push(share);
      sum += share;
      n++;
    }
    shares.push(s);
    cinc.push(n > 0 ? sum / n : null);
  }
  return { cinc, shares };
}

/**
 * CINC of every actor of a world that has NMC capabilities (the system is
 * the set of those actors), in the world's actor order. Singer, J. David,
 * Stuart Bremer, and John Stuckey. 1972. "Capability Distribution,
 * Uncertainty, and Major Power War, 1820–1965." In B. Russett (ed.), *Peace,
 * War, and Numbers*, 19–48.
 */
export function cincScores(world: World): CincScore[] {
  const ids: ActorId[] = [];
  const rows: (number | null)[][] = [];
  for (const [id, actor] of Object.entries(world.actors)) {
    if (!actor.capabilities) continue;
    const capabilities = actor.capabilities;
    ids.push(id);
    rows.push(NMC_COMPONENTS.map((c) => capabilities[c]));
  }
  const { cinc, shares } = cincFromComponents(rows);
  return ids.map((id, i) => {
    const s = shares[i] ?? [];
    const componentShares = Object.fromEntries(NMC_COMPONENTS.map((c, j) => [c, s[j] ?? null])) as Record<
      NmcComponent,
      number | null
    >;
    return { id, cinc: cinc[i] ?? null, componentShares, componentsUsed: s.filter((x) => x !== null).length };
  });
}
