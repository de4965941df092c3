/**
 * Concert's relation rule against the Doreian–Mrvar signed networks of
 * interstate relations 1946–1999 (Doreian & Mrvar 2015) and the face-validity
 * list of 2016 (docs/models/relations.md, "Validation"). The floors are the
 * held-out agreement measured with the shipped rule (run of 2026-12-04:
 * 95.9 % on all pairs, 97.7 % on major-power pairs), rounded down.
 */
import { describe, expect, it } from 'vitest';
import { networkFromWorld, strategicTriangle } from '../../src/models/relations/index.js';
import { RELATION_RULE } from '../../src/world/default-relations.js';
import {
  agreementByWindow,
  doreianMrvarCases,
  FACE_VALIDITY_2016,
  isTrainingWindow,
  meetsExpectation,
  pooledAgreement,
} from '../../src/world/fit-relations.js';
import { loadDefaultWorld, loadWorldInputs } from '../../src/world/index.js';
import { loadUngaInputs } from '../../src/world/unga-inputs.js';

describe('the relation rule against the Doreian–Mrvar signs (held-out even windows)', () => {
  const cases = doreianMrvarCases(loadWorldInputs(), loadUngaInputs(), RELATION_RULE.evidence);
  const heldOut = cases.filter((c) => !isTrainingWindow(c));

  it('agrees on at least 95 % of all signed pairs, with Cohen κ ≥ 0.8', () => {
    const all = pooledAgreement(heldOut, RELATION_RULE);
    expect(all.total).toBe(21_136);
    expect(all.agreement).toBeGreaterThanOrEqual(0.95);
    expect(all.kappa).toBeGreaterThanOrEqual(0.8);
  });

  it('agrees on at least 97 % of major-power pairs (the essay asks ≥ 85 %)', () => {
    const major = pooledAgreement(
      heldOut.filter((c) => c.major),
      RELATION_RULE,
    );
    expect(major.total).toBeGreaterThan(200);
    expect(major.agreement).toBeGreaterThanOrEqual(0.97);
  });

  it('agrees on China–Russia and Russia–United States in 1996–99, where rule v1 did not', () => {
    const w = agreementByWindow(
      cases.filter((c) => c.window === '96-99' && c.major),
      RELATION_RULE,
    )[0]!;
    expect(w.major.total).toBe(15);
    expect(w.major.agreement).toBe(1);
  });
});

describe('face validity of the default 2016 world', () => {
  const world = loadDefaultWorld({ year: 2016 });
  const find = (a: string, b: string) => world.relations.find((r) => r.a === a && r.b === b);

  it.each(FACE_VALIDITY_2016.map((f) => [`${f.a}–${f.b}`, f] as const))('%s', (_, f) => {
    const r = find(f.a, f.b);
    expect(r).toBeDefined();
    expect(meetsExpectation(r!.kind, r!.score, f.expect)).toBe(true);
  });

  it('makes USA–CHN–RUS a closed, balanced triangle: China and Russia partners, the United States isolated', () => {
    const t = strategicTriangle(networkFromWorld(world), 'USA', 'CHN', 'RUS');
    expect(t.configuration).toBe('stable-marriage');
    expect(t.balanced).toBe(true);
    expect(t.roles).toContainEqual({ id: 'USA', role: 'isolated' });
  });
});
