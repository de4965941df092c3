/**
 * The evidence behind a relation: what the reference data say about a pair of
 * states in a year — alliance obligations (ATOP v5.1, COW alliances v4.1),
 * militarized disputes (COW MID v5.0), strategic rivalries (Thompson & Dreyer)
 * and UN General Assembly voting (Voeten; Bailey, Strezhnev & Voeten) — and
 * the features of the relation score computed from it
 * (models/relations/relation-score.ts). docs/models/relations.md states every
 * rule used here.
 */
import type { RelationFeatures } from '../models/relations/relation-score.js';
import { votingAffinity } from '../models/relations/voting-affinity.js';
import { AtopFlag, type WorldInputs } from './inputs.js';
import { idealPoint, type UngaInputs } from './unga-inputs.js';

/** How disputes are weighted and multilateral instruments discounted (part of the rule; RELATION_RULE). */
export interface EvidenceParameters {
  /** A dispute's weight halves every this many years after its last year with the pair in dispute. */
  readonly midHalfLifeYears: number;
  /** Disputes older than this many years (since their last year) are not counted. */
  readonly midHorizonYears: number;
  /** Weight factor of a dispute in which one side took no militarized action (hostility level 1). */
  readonly unreciprocatedFactor: number;
  /** Weight factor of a dispute in which one of the two states joined after the start (not both originators). */
  readonly joinerFactor: number;
  /**
   * An obligation shared through an instrument of more than this many members
   * counts with weight `multilateralSize / members` (Concert's discount of large
   * multilateral instruments; null: no discount).
   */
  readonly multilateralSize: number | null;
}

export type ObligationClass = 'defense' | 'neutrality' | 'consultation';

/** One alliance obligation between the pair. */
export interface ObligationEvidence {
  readonly class: ObligationClass;
  readonly source: 'ATOP v5.1' | 'COW alliance v4.1';
  /** ATOP obligation types in force (defense, offense, neutrality, non-aggression, consultation) or the COW type. */
  readonly label: string;
  /**
   * Members of the instrument: exact for COW alliances (members in the year);
   * for ATOP, whose dyadic file names no treaty, 2 + the number of states with
   * which both members share an obligation of the same class (an upper bound
   * on the largest instrument the pair can share).
   */
  readonly members: number;
  /** Weight after the multilateral discount, in (0, 1]. */
  readonly strength: number;
}

/** One militarized interstate dispute with the two states on opposite sides. */
export interface DisputeEvidence {
  readonly dispnum: number;
  readonly firstYear: number;
  /** Last year (not after the relation's year) in which the two were in the dispute. */
  readonly lastYear: number;
  /** Higher hostility level of the two sides: 1 no militarized action … 5 war. */
  readonly hostility: number;
  /** Both sides took militarized action (lower hostility level ≥ 2). */
  readonly reciprocated: boolean;
  /** Highest fatality level of the two (0 none … 6), −1 unknown. */
  readonly fatality: number;
  /** Both states were originators of the dispute. */
  readonly originators: boolean;
  /** 2^(−age/half-life) × the factors for one-sided disputes and joiners. */
  readonly weight: number;
}

export interface RivalryEvidence {
  readonly name: string;
  readonly startYear: number;
  readonly endYear: number;
  /** The data end in 2010 with the rivalry still running (right-censored). */
  readonly censored: boolean;
}

export interface UngaEvidence {
  /** Recorded roll calls in the year. */
  readonly rollCalls: number;
  readonly commonVotes: number;
  readonly agreement: number;
  readonly sScore: number;
}

/** Everything the data say about one pair in one year. */
export interface PairEvidence {
  readonly ccodes: readonly [number, number];
  readonly obligations: readonly ObligationEvidence[];
  readonly disputes: readonly DisputeEvidence[];
  readonly rivalries: readonly RivalryEvidence[];
  /** Voting in the year's roll calls, or null (no roll calls, or the two share none). */
  readonly unga: UngaEvidence | null;
  /** The two states' ideal points in the year (null where not estimated). */
  readonly idealPoints: readonly [number | null, number | null];
}

const CLASS_OF_FLAG: readonly [number, ObligationClass, string][] = [
  [AtopFlag.defense, 'defense', 'defense'],
  [AtopFlag.offense, 'defense', 'offense'],
  [AtopFlag.neutrality, 'neutrality', 'neutrality'],
  [AtopFlag.nonaggression, 'neutrality', 'non-aggression'],
  [AtopFlag.consultation, 'consultation', 'consultation'],
];
const CLASS_MASK: Readonly<Record<ObligationClass, number>> = {
  defense: AtopFlag.defense | AtopFlag.offense,
  neutrality: AtopFlag.neutrality | AtopFlag.nonaggression,
  consultation: AtopFlag.consultation,
};

const pairKey = (a: number, b: number) => (a < b ? a * 10000 + b : b * 10000 + a);

function discount(members: number, p: EvidenceParameters): number {
  return p.multilateralSize === null || members <= p.multilateralSize ? 1 : p.multilateralSize / members;
}

interface Draft {
  atopFlags: number;
  cow: Map<ObligationClass, { label: string; members: number }>;
  disputes: Map<
    number,
    { first: number; last: number; host: number; hostMin: number; fatality: number; orig: number }
  >;
  rivalries: RivalryEvidence[];
}

/**
 * The evidence of every pair of `members` (COW codes) with an alliance
 * obligation, a dispute within the horizon or a rivalry in `year`
 * ("tied" pairs), keyed by `min·10000 + max` of the two COW codes.
 *
 * - ATOP obligations in force in the year, symmetrised (an obligation of
 *   either state to the other ties the pair); COW alliances (to 2012) by
 *   treaty, with the treaty's members in the year.
 * - Disputes with the pair on opposite sides whose last year with the pair in
 *   dispute is within `midHorizonYears` before `year` (and not after it).
 * - Thompson–Dreyer rivalries only within their years (right-censored ones
 *   end in 2010 like the data).
 * UNGA voting and ideal points are added by {@link withUnga}.
 */
export function tiedPairs(
  inputs: WorldInputs,
  year: number,
  members: ReadonlySet<number>,
  p: EvidenceParameters,
): Map<number, PairEvidence> {
  const drafts = new Map<number, Draft>();
  const draft = (a: number, b: number): Draft | undefined => {
    if (a === b || !members.has(a) || !members.has(b)) return undefined;
    const key = pairKey(a, b);
    let d = drafts.get(key);
    if (!d) {
      d = { atopFlags: 0, cow: new Map(), disputes: new Map(), rivalries: [] };
      drafts.set(key, d);
    }
    return d;
  };

  for (const [a, b, first, last, flags] of inputs.atop) {
    if (year < first || year > last || flags === 0) continue;
    const d = draft(a, b);
    if (d) d.atopFlags |= flags;
  }

  if (year <= inputs.cowAllianceLastYear) {
    const treaties = new Map<number, { ccode: number; cls: ObligationClass | null; label: string }[]>();
    for (const [id, ccode, start, end, def, neu, nonagg, ent] of inputs.cowAlliances) {
      if (year < start || year > (end ?? inputs.cowAllianceLastYear)) continue;
      const list = treaties.get(id) ?? [];
      treaties.set(id, list);
      const cls: ObligationClass | null = def
        ? 'defense'
        : neu || nonagg
          ? 'neutrality'
          : ent
            ? 'consultation'
            : null;
      const label = def
        ? 'defense pact'
        : neu
          ? 'neutrality pact'
          : nonagg
            ? 'non-aggression pact'
            : 'entente';
      list.push({ ccode, cls, label });
    }
    for (const list of treaties.values()) {
      // The alliance's type is a property of the treaty: the strongest type any member carries.
      const cls = list.some((m) => m.cls === 'defense')
        ? 'defense'
        : list.some((m) => m.cls === 'neutrality')
          ? 'neutrality'
          : list.some((m) => m.cls === 'consultation')
            ? 'consultation'
            : null;
      if (cls === null) continue;
      const label = list.find((m) => m.cls === cls)!.label;
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const d = draft(list[i]!.ccode, list[j]!.ccode);
          if (!d) continue;
          const prev = d.cow.get(cls);
          if (!prev || list.length < prev.members) d.cow.set(cls, { label, members: list.length });
        }
    }
  }

  const horizonFrom = year - p.midHorizonYears;
  for (const [disp, a, b, y, host, hostMin, fatality, orig] of inputs.mids) {
    if (y > year || y < horizonFrom) continue;
    const d = draft(a, b);
    if (!d) continue;
    const prev = d.disputes.get(disp);
    if (prev) {
      prev.first = Math.min(prev.first, y);
      prev.last = Math.max(prev.last, y);
      prev.host = Math.max(prev.host, host);
      prev.hostMin = Math.max(prev.hostMin, hostMin);
      prev.fatality = Math.max(prev.fatality, fatality);
      prev.orig = Math.max(prev.orig, orig);
    } else d.disputes.set(disp, { first: y, last: y, host, hostMin, fatality, orig });
  }

  for (const [, name, a, b, start, end] of inputs.rivalries) {
    if (year < start || year > end) continue;
    const d = draft(a, b);
    if (d)
      d.rivalries.push({ name, startYear: start, endYear: end, censored: end === inputs.rivalryLastYear });
  }

  // ATOP names no treaty: the members of the largest instrument a pair can share through a class
  // are bounded by 2 + its common partners in that class.
  const partners = new Map<ObligationClass, Map<number, Set<number>>>();
  for (const cls of ['defense', 'neutrality', 'consultation'] as const) {
    const adj = new Map<number, Set<number>>();
    for (const [key, d] of drafts) {
      if ((d.atopFlags & CLASS_MASK[cls]) === 0) continue;
      const a = Math.floor(key / 10000);
      const b = key % 10000;
      (adj.get(a) ?? adj.set(a, new Set()).get(a)!).add(b);
      (adj.get(b) ?? adj.set(b, new Set()).get(b)!).add(a);
    }
    partners.set(cls, adj);
  }

  const out = new Map<number, PairEvidence>();
  for (const [key, d] of drafts) {
    const a = Math.floor(key / 10000);
    const b = key % 10000;
    const obligations: ObligationEvidence[] = [];
    for (const cls of ['defense', 'neutrality', 'consultation'] as const) {
      if (d.atopFlags & CLASS_MASK[cls]) {
        const na = partners.get(cls)!.get(a)!;
        const nb = partners.get(cls)!.get(b)!;
        let common = 0;
        for (const k of na.size < nb.size ? na : nb) if ((na.size < nb.size ? nb : na).has(k)) common++;
        const members = 2 + common;
        obligations.push({
          class: cls,
          source: 'ATOP v5.1',
          label: CLASS_OF_FLAG.filter(([f, c]) => c === cls && d.atopFlags & f)
            .map(([, , l]) => l)
            .join(' and '),
          members,
          strength: discount(members, p),
        });
      }
      const cow = d.cow.get(cls);
      if (cow)
        obligations.push({
          class: cls,
          source: 'COW alliance v4.1',
          label: cow.label,
          members: cow.members,
          strength: discount(cow.members, p),
        });
    }
    const disputes: DisputeEvidence[] = [...d.disputes]
      .map(([dispnum, m]) => {
        const reciprocated = m.hostMin >= 2;
        const originators = m.orig === 1;
        const weight =
          2 ** (-(year - m.last) / p.midHalfLifeYears) *
          (reciprocated ? 1 : p.unreciprocatedFactor) *
          (originators ? 1 : p.joinerFactor);
        return {
          dispnum,
          firstYear: m.first,
          lastYear: m.last,
          hostility: m.host,
          reciprocated,
          fatality: m.fatality,
          originators,
          weight,
        };
      })
      .sort((x, y) => x.dispnum - y.dispnum);
    if (obligations.length === 0 && disputes.length === 0 && d.rivalries.length === 0) continue;
    out.set(key, {
      ccodes: [a, b],
      obligations,
      disputes,
      rivalries: d.rivalries,
      unga: null,
      idealPoints: [null, null],
    });
  }
  return out;
}

/** Index of one year's votes: COW code → vote string. */
export function ungaVotesOf(unga: UngaInputs, year: number): ReadonlyMap<number, string> | undefined {
  const y = unga.years[String(year)];
  if (!y) return undefined;
  return new Map(y.members.map((c, i) => [c, y.votes[i]!]));
}

/** The pair's evidence with its UNGA voting affinity and ideal points in `year` added. */
export function withUnga(
  e: Omit<PairEvidence, 'unga' | 'idealPoints'> & Partial<PairEvidence>,
  unga: UngaInputs,
  year: number,
  votes: ReadonlyMap<number, string> | undefined,
): PairEvidence {
  const [a, b] = e.ccodes;
  const va = votes?.get(a);
  const vb = votes?.get(b);
  const affinity = va !== undefined && vb !== undefined ? votingAffinity(va, vb) : null;
  return {
    ...e,
    unga: affinity ? { rollCalls: va!.length, ...affinity } : null,
    idealPoints: [idealPoint(unga, a, year), idealPoint(unga, b, year)],
  } as PairEvidence;
}

/** The features of the relation score from a pair's evidence. */
export function relationFeatures(e: PairEvidence, tradeDependence: number | null = null): RelationFeatures {
  const strongest = (cls: ObligationClass) =>
    e.obligations.reduce((m, o) => (o.class === cls ? Math.max(m, o.strength) : m), 0);
  let threat = 0;
  let force = 0;
  let war = 0;
  let fatal = 0;
  for (const d of e.disputes) {
    if (d.hostility >= 5) war += d.weight;
    else if (d.hostility === 4) force += d.weight;
    else threat += d.weight;
    if (d.fatality >= 1) fatal += d.weight;
  }
  const [pa, pb] = e.idealPoints;
  return {
    defense: strongest('defense'),
    neutrality: strongest('neutrality'),
    consultation: strongest('consultation'),
    disputesThreat: threat,
    disputesForce: force,
    disputesWar: war,
    disputesFatal: fatal,
    rivalry: e.rivalries.length > 0 ? 1 : 0,
    idealPointDistance: pa === null || pb === null ? null : Math.abs(pa - pb),
    tradeDependence,
  };
}

/**
 * The same evidence weighed under other parameters (dispute weights and
 * obligation strengths recomputed; the horizon is not changed): what the
 * fit of src/world/fit-relations.ts varies.
 */
export function reweighEvidence(e: PairEvidence, year: number, p: EvidenceParameters): PairEvidence {
  return {
    ...e,
    obligations: e.obligations.map((o) => ({ ...o, strength: discount(o.members, p) })),
    disputes: e.disputes.map((d) => ({
      ...d,
      weight:
        2 ** (-(year - d.lastYear) / p.midHalfLifeYears) *
        (d.reciprocated ? 1 : p.unreciprocatedFactor) *
        (d.originators ? 1 : p.joinerFactor),
    })),
  };
}
