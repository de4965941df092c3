/**
 * Concentration of capabilities in a system: Ray–Singer CON,
 * Herfindahl–Hirschman index and the effective number of poles.
 */

/** Concentration measures of one distribution of shares. */
export interface Concentration {
  /** Ray–Singer CON in [0, 1]: 0 = equal shares, 1 = one state holds everything. */
  readonly con: number;
  /** Herfindahl–Hirschman index Σ s_i² in [1/N, 1] (shares as fractions, not percent). */
  readonly hhi: number;
  /** Effective number of poles 1 / HHI (Laakso & Taagepera 1979), in [1, N]. */
  readonly effectivePoles: number;
  /** Number of states N the shares were taken over. */
  readonly states: number;
}

/**
 * Concentration of non-negative values (capability scores); they are first
 * normalised to shares s_i = v_i / Σ v. With N states:
 *
 *   HHI = Σ s_i²            (Herfindahl 1950; Hirschman 1945)
 *   effective poles = 1/HHI (Laakso & Taagepera 1979)
 *   CON = √((HHI − 1/N) / (1 − 1/N))   (Ray & Singer 1973), CON = 1 when N = 1
 *
 * Ray, James Lee, and J. David Singer. 1973. "Measuring the Concentration of
 * Power in the International System." *Sociological Methods & Research* 1(4):
 * 403–437. Laakso, Markku, and Rein Taagepera. 1979. "'Effective' Number of
 * Parties." *Comparative Political Studies* 12(1): 3–27.
 *
 * Expects at least one value and a positive sum (the caller checks).
 */
export function concentration(values: readonly number[]): Concentration {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  let hhi = 0;
  for (const v of values) {
    const s = v / total;
    hhi += s * s;
  }
  const con = n === 1 ? 1 : Math.sqrt(Math.max(0, (hhi - 1 / n) / (1 - 1 / n)));
  return { con, hhi, effectivePoles: 1 / hhi, states: n };
}
