/**
 * Voting affinity of two states from their roll-call votes: the share of
 * identical votes and Signorino & Ritter's S-score. Votes are strings with one
 * character per roll call: `y` yes, `n` no, `a` abstain, anything else absent
 * (the roll call is then not common to the two and is skipped).
 */

/** Vote → position on the yes–no line (Signorino & Ritter 1999; abstain halfway). */
const POSITION: Readonly<Record<string, number>> = { y: 1, a: 0.5, n: 0 };

export interface VotingAffinity {
  /** Roll calls on which both states voted (yes, no or abstain). */
  readonly commonVotes: number;
  /** Share of the common roll calls on which the two cast the same vote, in [0, 1]. */
  readonly agreement: number;
  /** S = 1 − 2·mean|x_a − x_b| with yes = 1, abstain = ½, no = 0, in [−1, 1]. */
  readonly sScore: number;
}

/**
 * Agreement and S-score of two vote strings of equal length.
 *
 * agreement = #{k : v_a(k) = v_b(k)} / K and S = 1 − 2·Σ_k |x_a(k) − x_b(k)| / K
 * over the K roll calls both voted on, with x = 1 (yes), ½ (abstain), 0 (no):
 * the S-score of Signorino & Ritter (1999, "Tau-b or not tau-b", International
 * Studies Quarterly 43(1): 115–144) with the absolute-distance metric and
 * d_max = 1, the coding of Voeten's UNGA affinity data. Returns null when the
 * two share no roll call.
 *
 * @example
 * votingAffinity('yyna', 'ynn.'); // => { commonVotes: 3, agreement: 2/3, sScore: 1/3 }
 */
export function votingAffinity(votesA: string, votesB: string): VotingAffinity | null {
  let common = 0;
  let same = 0;
  let distance = 0;
  const n = Math.min(votesA.length, votesB.length);
  for (let k = 0; k < n; k++) {
    const x = POSITION[votesA[k]!];
    const y = POSITION[votesB[k]!];
    if (x === undefined || y === undefined) continue;
    common++;
    if (x === y) same++;
    distance += Math.abs(x - y);
  }
  if (common === 0) return null;
  return { commonVotes: common, agreement: same / common, sScore: 1 - (2 * distance) / common };
}
