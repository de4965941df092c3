/**
 * Major-power classification: COW's official list, and a data-driven
 * classifier that says, for every state, why it is in or out.
 */
import { ckmeans } from 'simple-statistics';
import type { ActorId, World } from '../../world/index.js';

/** The actors COW lists as major powers in the world's year (COW Major Powers v2016). */
export function cowMajors(world: World): ActorId[] {
  return Object.entries(world.actors)
    .filter(([, a]) => a.cowMajor)
    .map(([id]) => id);
}

/** How the data-driven classifier decides. */
export type MajorRule = 'threshold' | 'breaks' | 'either' | 'both';

export interface MajorClassifierOptions {
  /** Share of the system (fraction) at or above which a state qualifies by threshold. Default 0.05. */
  readonly shareThreshold?: number;
  /** Number of natural-breaks classes; the top class qualifies. Default 2 (major powers vs the rest). */
  readonly classes?: number;
  /** Which criterion makes a major power. Default 'either'. */
  readonly rule?: MajorRule;
}

/** Defaults of the data-driven classifier (modelling assumptions; docs/models/powers.md). */
export const DEFAULT_MAJOR_OPTIONS: Required<MajorClassifierOptions> = {
  shareThreshold: 0.05,
  classes: 2,
  rule: 'either',
};

export interface MajorVerdict {
  readonly id: ActorId;
  readonly major: boolean;
  /** One sentence per criterion, with the numbers that decided it. */
  readonly reasons: readonly string[];
}

export interface MajorClassification {
  readonly verdicts: readonly MajorVerdict[];
  /** Lowest share in the top natural-breaks class. */
  readonly topClassFloor: number;
  readonly options: Required<MajorClassifierOptions>;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/**
 * Classifies states as major powers from their shares of a capability index.
 *
 * Natural breaks: the shares are split into `classes` classes minimising the
 * within-class sum of squared deviations (Jenks 1967), computed exactly by
 * the Ckmeans.1d.dp dynamic program (Wang & Song 2011, as implemented in
 * simple-statistics); the top class qualifies. Threshold: a share of at
 * least `shareThreshold` qualifies. `rule` combines them ('either' = one
 * suffices, 'both' = both needed). When there are fewer distinct shares
 * than classes, the number of classes is reduced to the number of distinct
 * shares.
 *
 * Jenks, George F. 1967. "The Data Model Concept in Statistical Mapping."
 * *International Yearbook of Cartography* 7: 186–190. Wang, Haizhou, and
 * Mingzhou Song. 2011. "Ckmeans.1d.dp: Optimal k-means Clustering in One
 * Dimension by Dynamic Programming." *The R Journal* 3(2): 29–33.
 *
 * Expects at least one share; shares are fractions in [0, 1].
 */
export function classifyMajors(
  shares: readonly { id: ActorId; share: number }[],
  options: MajorClassifierOptions = {},
): MajorClassification {
  const o = { ...DEFAULT_MAJOR_OPTIONS, ...options };
  const values = shares.map((s) => s.share);
  const distinct = new Set(values).size;
  const k = Math.max(1, Math.min(o.classes, distinct));
  const clusters = ckmeans(values, k);
  const top = clusters[clusters.length - 1] ?? values;
  const topClassFloor = Math.min(...top);
  const verdicts = shares.map(({ id, share }) => {
    const byThreshold = share >= o.shareThreshold;
    const byBreaks = share >= topClassFloor;
    const major =
      o.rule === 'threshold'
        ? byThreshold
        : o.rule === 'breaks'
          ? byBreaks
          : o.rule === 'both'
            ? byThreshold && byBreaks
            : byThreshold || byBreaks;
    const reasons: string[] = [];
    if (o.rule !== 'breaks') {
      reasons.push(
        byThreshold
          ? `share ${pct(share)} ≥ threshold ${pct(o.shareThreshold)}`
          : `share ${pct(share)} < threshold ${pct(o.shareThreshold)}`,
      );
    }
    if (o.rule !== 'threshold') {
      reasons.push(
        byBreaks
          ? `in the top of ${k} natural-breaks classes (shares ≥ ${pct(topClassFloor)})`
          : `below the top of ${k} natural-breaks classes (which starts at ${pct(topClassFloor)})`,
      );
    }
    return { id, major, reasons };
  });
  return { verdicts, topClassFloor, options: o };
}
