/**
 * The triangle listing and the blockmodel's criterion against signnet
 * (v1.0.6: tests/testthat/test-signed_triangles.R, R/blockmodel.R and
 * src/optimBlocks.cpp, the README's Gahuku–Gama values), through the report
 * layer and the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SignedNetwork, signedNetwork, triadCensus } from '../../src/models/relations/index.js';
import { balanceAnalysis, triangleListing } from '../../src/reports/index.js';
import { parseSignedEdgeList } from '../../src/world/edges.js';
import { runCli, runCliJson } from '../helpers/cli.js';

/** Complete graph on n nodes "1".."n" with signs in igraph edge order (1,2),(1,3),…,(n−1,n). */
function complete(n: number, signs: readonly number[]): SignedNetwork {
  const edges = [];
  let k = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i + 1; j <= n; j++) edges.push({ from: String(i), to: String(j), weight: signs[k++] ?? 1 });
  }
  return signedNetwork(
    Array.from({ length: n }, (_, i) => String(i + 1)),
    edges,
  );
}

const tribesText = readFileSync(
  new URL('../../data/signed_gahuku_gama_tribes_edges.csv', import.meta.url),
  'utf8',
);
const tribesList = parseSignedEdgeList(tribesText, 'signed_gahuku_gama_tribes_edges.csv');
const tribes = signedNetwork([...new Set(tribesList.edges.flatMap((e) => [e.from, e.to]))], tribesList.edges);

describe('the triangle listing, as signnet signed_triangles', () => {
  it('K4 with signs (1, 1, 1, −1, −1, −1): V1 V2 V3 P = 1 2 4 2, 1 2 3 2, 1 3 4 2, 2 3 4 0 ("signed triangle listing works")', () => {
    const t = triangleListing(complete(4, [1, 1, 1, -1, -1, -1]), { triangles: 'all' });
    // signnet's rows in igraph's order; the listing's are in node order.
    const signnetRows = [
      [1, 2, 4, 2],
      [1, 2, 3, 2],
      [1, 3, 4, 2],
      [2, 3, 4, 0],
    ];
    const rows = t.list.map((r) => [...r.actors.map(Number), r.positives]);
    expect(rows).toEqual([...signnetRows].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
    expect(t.list.map((r) => [r.signs, r.pattern, r.balanced])).toEqual([
      [[1, 1, -1], '++-', false],
      [[1, 1, -1], '++-', false],
      [[1, 1, -1], '++-', false],
      [[-1, -1, -1], '---', false],
    ]);
    expect(t).toMatchObject({ total: 4, matching: 4, limit: 200, truncated: false });
  });

  it('K4 with signs (−1, 1, 1, −1, −1, 1), balanced (signnet example): every triangle listed balanced', () => {
    const t = triangleListing(complete(4, [-1, 1, 1, -1, -1, 1]), { triangles: 'all' });
    expect(t.list.map((r) => r.balanced)).toEqual([true, true, true, true]);
    expect(triangleListing(complete(4, [-1, 1, 1, -1, -1, 1]), { triangles: 'unbalanced' }).list).toEqual([]);
  });

  it('Gahuku–Gama: 68 triangles, 19 / 2 / 40 / 7 by pattern and 59 balanced (signnet README), the 9 others by filter', () => {
    const all = triangleListing(tribes, { triangles: 'all', triangleLimit: 0 });
    expect(all).toMatchObject({ total: 68, matching: 68, limit: null, truncated: false });
    const byPattern = { '+++': 0, '++-': 0, '+--': 0, '---': 0 };
    for (const r of all.list) byPattern[r.pattern]++;
    expect(byPattern).toEqual({ '+++': 19, '++-': 2, '+--': 40, '---': 7 });
    expect(byPattern).toEqual(triadCensus(tribes));
    expect(all.list.filter((r) => r.balanced)).toHaveLength(59);
    const unbalanced = triangleListing(tribes, { triangles: 'unbalanced' });
    expect(unbalanced.matching).toBe(9);
    expect(unbalanced.list.every((r) => r.pattern === '++-' || r.pattern === '---')).toBe(true);
  });

  it('a bound cuts the list, says so, and keeps the first triangles in node order', () => {
    const all = triangleListing(tribes, { triangles: 'all', triangleLimit: 0 });
    const cut = triangleListing(tribes, { triangles: 'all', triangleLimit: 5 });
    expect(cut).toMatchObject({ total: 68, matching: 68, limit: 5, truncated: true });
    expect(cut.list).toEqual(all.list.slice(0, 5));
  });

  it('through an actor: every triangle that has it, and no other', () => {
    const all = triangleListing(tribes, { triangles: 'all', triangleLimit: 0 });
    const gama = triangleListing(tribes, { triangles: 'all', trianglesWith: ['Gama'], triangleLimit: 0 });
    expect(gama.list).toEqual(all.list.filter((r) => r.actors.includes('Gama')));
    expect(gama.matching).toBeGreaterThan(0);
  });

  it('unknown, repeated or a fourth actor, and a negative limit, are bad input at their option', () => {
    expect(() =>
      triangleListing(complete(4, []), {
        triangles: 'all',
        trianglesWith: ['1', 'X', '1', '3', '4'],
        triangleLimit: -1,
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          { path: ['trianglesWith', 1], message: 'unknown actor "X": expected one of 1, 2, 3, 4' },
          { path: ['trianglesWith', 2], message: '"1" is given twice' },
          { path: ['trianglesWith'], message: 'expected at most three actors (a triangle has three); got 5' },
          { path: ['triangleLimit'], message: 'expected a whole number ≥ 0 (0: no limit); got -1' },
        ],
      }),
    );
  });
});

describe("the blockmodel's criterion and signnet's", () => {
  it('Gahuku–Gama, k = 3: 2 violating edges; criterion 1 with each edge once, 2 as signnet counts it (README: criterion 2)', async () => {
    const doc = await balanceAnalysis(tribes, 'tribes', { groups: 3 });
    expect(doc.clustering).toMatchObject({
      k: 3,
      alpha: 0.5,
      violations: 2,
      criterion: 1,
      edgeCounting: 'once',
      signnetCriterion: 2,
      exact: true,
    });
  });
});

describe('concert balance --triangles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concert-triangles-'));
  const k4 = join(dir, 'k4.csv');
  writeFileSync(k4, 'from,to,sign\n1,2,1\n1,3,1\n1,4,1\n2,3,-1\n2,4,-1\n3,4,-1\n');

  it('lists every triangle with its signs and balance, in text and JSON', () => {
    const text = runCli(['balance', '--edges', k4, '--triangles']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Triangles: 4 of the 4 triangles');
    expect(text.stdout).toMatch(/^1 {2}2 {2}3 {2}\+ {4}\+ {4}− {4}2 {2}no$/m);
    expect(text.stdout).toMatch(/^2 {2}3 {2}4 {2}− {4}− {4}− {4}0 {2}no$/m);
    const doc = runCliJson<{ triangles: { list: { actors: string[] }[]; truncated: boolean } }>([
      'balance',
      '--edges',
      k4,
      '--triangles',
      'unbalanced',
      '--triangles-with',
      '4',
      '--triangle-limit',
      '2',
    ]);
    expect(doc.triangles.list.map((r) => r.actors)).toEqual([
      ['1', '2', '4'],
      ['1', '3', '4'],
    ]);
    expect(doc.triangles.truncated).toBe(true);
  });

  it('the blockmodel states its convention in text', () => {
    const text = runCli(['balance', '--edges', k4, '--groups', '2']);
    expect(text.stdout).toContain(
      "criterion α·N + (1 − α)·P = 1, each edge counted once (signnet's signed_blockmodel counts both directions: 2)",
    );
  });

  it('bad input at the flags, exit 2', () => {
    const r = runCli(['balance', '--edges', k4, '--triangles', 'some', '--triangle-limit', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--triangles: expected all, balanced or unbalanced; got "some"');
    expect(r.stderr).toContain('--triangle-limit: expected a whole number ≥ 0; got "x"');
    const u = runCli(['balance', '--edges', k4, '--triangles', '--triangles-with', '1,X']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--triangles-with[1]: unknown actor "X": expected one of 1, 2, 3, 4');
  });
});
