/**
 * The relation rule of the embedded default world: how alliance obligations,
 * militarized disputes and strategic rivalries in the reference data become
 * one signed score per pair of states in a year.
 *
 * Every number in {@link RELATION_RULE} is a modelling assumption (Concert's,
 * not the data producers'); docs/world.md states and motivates each, and every
 * relation's `source` field spells out the terms that produced its score.
 */
import type { Relation, RelationKind } from './schema.js';
import { AtopFlag, type WorldInputs } from './inputs.js';

/** Identifier written into every derived relation's `source`. */
export const RELATION_RULE_ID = 'concert-relations-v1';

/** The rule's parameters (all modelling assumptions; scores are unitless in [−1, 1]). */
export const RELATION_RULE = {
  /** ATOP defense or offense obligation, or COW Type I defense pact. */
  defensePact: 1,
  /** ATOP neutrality or non-aggression obligation, or COW neutrality / non-aggression pact. */
  neutralityOrNonAggression: 0.5,
  /** ATOP consultation obligation, or COW entente. */
  consultationOrEntente: 0.3,
  /** Years of MID history counted, ending with the world's year (capped at the last year of MID data). */
  midWindowYears: 10,
  /** Per distinct dispute in the window whose highest hostility level is 4 (use of force) or 5 (war). */
  midUseOfForce: -0.2,
  /** Per distinct dispute in the window with hostility level 1–3 (no action, threat, display of force). */
  midThreatOrDisplay: -0.1,
  /** Floor of the summed MID terms. */
  midFloor: -0.6,
  /** An ongoing Thompson–Dreyer strategic rivalry. */
  rivalry: -0.5,
  /** Kind thresholds on the final score: ≥ alliance, ≥ partnership, > −neutralBand neutral, > hostility rivalry. */
  allianceAtLeast: 0.75,
  partnershipAtLeast: 0.15,
  neutralBand: 0.15,
  hostilityAtMost: -0.65,
} as const;

/** The kind that the rule assigns to a final score. */
export function relationKindOf(score: number): RelationKind {
  const r = RELATION_RULE;
  if (score >= r.allianceAtLeast) return 'alliance';
  if (score >= r.partnershipAtLeast) return 'partnership';
  if (score > -r.neutralBand) return 'neutral';
  if (score > r.hostilityAtMost) return 'rivalry';
  return 'hostility';
}

interface PairEvidence {
  atopFlags: number;
  cowDefense: boolean;
  cowNeutralityOrNonAggression: boolean;
  cowEntente: boolean;
  /** dispnum → highest hostility level in the window. */
  disputes: Map<number, number>;
  rivalries: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function atopScore(flags: number): { score: number; label: string } {
  const r = RELATION_RULE;
  if (flags & (AtopFlag.defense | AtopFlag.offense))
    return { score: r.defensePact, label: flags & AtopFlag.defense ? 'defense' : 'offense' };
  if (flags & (AtopFlag.neutrality | AtopFlag.nonaggression))
    return {
      score: r.neutralityOrNonAggression,
      label: flags & AtopFlag.neutrality ? 'neutrality' : 'non-aggression',
    };
  if (flags & AtopFlag.consultation) return { score: r.consultationOrEntente, label: 'consultation' };
  return { score: 0, label: '' };
}

const signed = (x: number) => (x >= 0 ? `+${x}` : `${x}`);

/**
 * Signed relations among the given COW states in `year`, by the rule above.
 *
 * Positive term: the strongest alliance obligation between the two states in
 * that year, from ATOP v5.1 (directed obligations symmetrised by taking the
 * strongest obligation in either direction) and, for years COW alliance v4.1
 * covers (≤ 2012), COW alliances; the larger of the two counts. Negative
 * terms: each distinct MID in the last `midWindowYears` years (from
 * `year − 9` to `min(year, last MID year)`), and an ongoing Thompson–Dreyer
 * rivalry (rivalries still running when the data end in 2010 are treated as
 * ongoing afterwards). Score = clamp(sum, −1, 1) rounded to 0.01; pairs with
 * no evidence at all are omitted (implicitly neutral, score 0).
 *
 * @param idOf COW code → actor id for the states of this year's world.
 */
export function deriveRelations(
  inputs: WorldInputs,
  year: number,
  idOf: ReadonlyMap<number, string>,
): Relation[] {
  const r = RELATION_RULE;
  const pairs = new Map<string, PairEvidence>();
  const evidence = (c1: number, c2: number): PairEvidence | undefined => {
    if (c1 === c2 || !idOf.has(c1) || !idOf.has(c2)) return undefined;
    const key = c1 < c2 ? `${c1}|${c2}` : `${c2}|${c1}`;
    let e = pairs.get(key);
    if (!e) {
      e = {
        atopFlags: 0,
        cowDefense: false,
        cowNeutralityOrNonAggression: false,
        cowEntente: false,
        disputes: new Map(),
        rivalries: [],
      };
      pairs.set(key, e);
    }
    return e;
  };

  for (const [a, b, first, last, flags] of inputs.atop) {
    if (year < first || year > last || flags === 0) continue;
    const e = evidence(a, b);
    if (e) e.atopFlags |= flags;
  }

  if (year <= inputs.cowAllianceLastYear) {
    const members = new Map<number, { ccode: number; def: boolean; neu: boolean; ent: boolean }[]>();
    for (const [id, ccode, start, end, def, neu, nonagg, ent] of inputs.cowAlliances) {
      if (year < start || year > (end ?? inputs.cowAllianceLastYear)) continue;
      const list = members.get(id) ?? [];
      members.set(id, list);
      list.push({ ccode, def: def === 1, neu: neu === 1 || nonagg === 1, ent: ent === 1 });
    }
    for (const list of members.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const x = list[i]!;
          const y = list[j]!;
          const e = evidence(x.ccode, y.ccode);
          if (!e) continue;
          // The alliance's type is a property of the treaty; members share it.
          e.cowDefense ||= x.def || y.def;
          e.cowNeutralityOrNonAggression ||= x.neu || y.neu;
          e.cowEntente ||= x.ent || y.ent;
        }
      }
    }
  }

  const midFrom = year - r.midWindowYears + 1;
  const midTo = Math.min(year, inputs.midLastYear);
  for (const [disp, a, b, y, host] of inputs.mids) {
    if (y < midFrom || y > midTo) continue;
    const e = evidence(a, b);
    if (e) e.disputes.set(disp, Math.max(e.disputes.get(disp) ?? 0, host));
  }

  for (const [, name, a, b, start, end] of inputs.rivalries) {
    const ongoing = end === inputs.rivalryLastYear ? year >= start : year >= start && year <= end;
    if (!ongoing) continue;
    const e = evidence(a, b);
    if (e)
      e.rivalries.push(
        end === inputs.rivalryLastYear
          ? `"${name}" (${start}–, ongoing at 2010)`
          : `"${name}" (${start}–${end})`,
      );
  }

  const relations: Relation[] = [];
  for (const [key, e] of pairs) {
    const [c1, c2] = key.split('|').map(Number) as [number, number];
    const terms: string[] = [];
    const atop = atopScore(e.atopFlags);
    let cow = { score: 0, label: '' };
    if (e.cowDefense) cow = { score: r.defensePact, label: 'defense pact' };
    else if (e.cowNeutralityOrNonAggression)
      cow = { score: r.neutralityOrNonAggression, label: 'neutrality/non-aggression pact' };
    else if (e.cowEntente) cow = { score: r.consultationOrEntente, label: 'entente' };
    const positive = Math.max(atop.score, cow.score);
    if (atop.score > 0) terms.push(`ATOP v5.1 ${atop.label} obligation ${signed(atop.score)}`);
    if (cow.score > 0) terms.push(`COW alliance v4.1 ${cow.label} ${signed(cow.score)}`);
    if (atop.score > 0 && cow.score > 0) terms.push(`(the larger, ${signed(positive)}, counts)`);

    let force = 0;
    let lesser = 0;
    for (const host of e.disputes.values()) {
      if (host >= 4) force++;
      else lesser++;
    }
    const midRaw = force * r.midUseOfForce + lesser * r.midThreatOrDisplay;
    const mid = Math.max(r.midFloor, midRaw);
    if (e.disputes.size > 0) {
      const parts = [
        force > 0 ? `${force} with use of force × ${r.midUseOfForce}` : '',
        lesser > 0 ? `${lesser} threat/display × ${r.midThreatOrDisplay}` : '',
      ].filter((s) => s !== '');
      terms.push(
        `COW MID v5.0 ${midFrom}–${midTo}: ${e.disputes.size} dispute${e.disputes.size > 1 ? 's' : ''} (${parts.join(', ')})` +
          ` ${signed(round2(mid))}${midRaw < r.midFloor ? ` (floor ${r.midFloor})` : ''}`,
      );
    }
    const rivalry = e.rivalries.length > 0 ? r.rivalry : 0;
    if (rivalry !== 0) terms.push(`Thompson–Dreyer rivalry ${e.rivalries.join(', ')} ${signed(r.rivalry)}`);
    if (terms.length === 0) continue;

    const score = round2(Math.min(1, Math.max(-1, positive + mid + rivalry)));
    const kind = relationKindOf(score);
    const ids = [idOf.get(c1)!, idOf.get(c2)!].sort() as [string, string];
    relations.push({
      a: ids[0],
      b: ids[1],
      score: score === 0 ? 0 : score,
      kind,
      source: `${RELATION_RULE_ID} (modelling assumption, docs/world.md), ${year}: ${terms.join('; ')}; score ${score} → ${kind}`,
    });
  }
  relations.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return relations;
}
