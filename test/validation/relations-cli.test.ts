/**
 * The relations commands end to end: JSON shapes of DESIGN.md, the Gahuku–Gama
 * case through the CLI, and bad input → exit 2 with located messages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-relations-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const world = file(
  'world.yaml',
  [
    'year: 2017',
    'actors:',
    '  USA: {name: United States}',
    '  CHN: {name: China}',
    '  RUS: {name: Russia}',
    'relations:',
    '  - {a: USA, b: CHN, score: -0.3, kind: rivalry}',
    '  - {a: USA, b: RUS, score: -0.5, kind: rivalry}',
    '  - {a: CHN, b: RUS, score: 0.6, kind: partnership}',
  ].join('\n'),
);

describe('concert balance / triangle', () => {
  it('balance --edges gahuku --json has the DESIGN.md shape and the published values', () => {
    const r = runCliJson<Record<string, unknown>>([
      'balance',
      '--edges',
      'data/signed_gahuku_gama_tribes_edges.csv',
    ]);
    expect(r).toMatchObject({ nodes: 16, edges: 58, triangleRatio: 59 / 68 });
    expect(r.walkBalance as number).toBeCloseTo(0.3575761, 7);
    const f = r.frustration as Record<string, unknown>;
    expect(f).toMatchObject({ index: 7, exact: true, gap: 0 });
    expect(f.normalized as number).toBeCloseTo(22 / 29, 12);
    expect((f.partition as string[][]).map((g) => g.length)).toEqual([4, 12]);
    expect(f.frustratedEdges as unknown[]).toHaveLength(7);
  });

  it('triangle USA CHN RUS --world --json: a stable marriage isolating the USA', () => {
    const r = runCliJson(['triangle', 'USA', 'CHN', 'RUS', '--world', world]);
    expect(r).toMatchObject({
      actors: ['USA', 'CHN', 'RUS'],
      signs: [-1, -1, 1],
      balanced: true,
      configuration: 'stable-marriage',
      roles: [
        { id: 'USA', role: 'isolated' },
        { id: 'CHN', role: 'partner' },
        { id: 'RUS', role: 'partner' },
      ],
    });
  });

  it('balance whatif --set USA,RUS=+0.6 makes USA–CHN–RUS unbalanced', () => {
    const r = runCliJson<{ newlyUnbalanced: { actors: string[] }[]; delta: { frustrationIndex: number } }>([
      'balance',
      'whatif',
      '--world',
      world,
      '--set',
      'USA,RUS=+0.6',
    ]);
    expect(r.newlyUnbalanced.map((t) => t.actors)).toEqual([['USA', 'RUS', 'CHN']]);
    expect(r.delta.frustrationIndex).toBe(1);
  });

  it('balance dynamics takes --seed and --runs and reports the ensemble', () => {
    const args = ['balance', 'dynamics', '--world', world, '--runs', '10', '--seed', '4'];
    const a = runCliJson<{ seed: number; runs: number; balancedShare: number; results: unknown[] }>(args);
    expect(a).toMatchObject({ seed: 4, runs: 10, balancedShare: 1 });
    expect(a.results).toHaveLength(10);
  });

  it('bad edge lists exit 2 with one located message per problem', () => {
    const bad = file(
      'bad.csv',
      'from,to,weight\nUSA,USA,0.5\nUSA,RUS,-0.5\nRUS,USA,0.4\nCHN,RUS,1.5\nUSA,XYZ,0.2\n',
    );
    const r = runCli(['balance', '--edges', bad, '--world', world]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      `error: ${bad}:2:5: self-loop: an actor cannot relate to itself ("USA")`,
      `error: ${bad}:4:9: duplicate edge RUS–USA with a conflicting sign (0.4; line 3 gives -0.5)`,
      `error: ${bad}:5:9: weight 1.5 is outside [-1, 1]`,
      `error: ${bad}:6:5: unknown actor "XYZ": expected one of the world's actor ids`,
    ]);
  });

  it('unknown actors and bad --set values exit 2 naming the argument', () => {
    const t = runCli(['triangle', 'USA', 'XXX', 'RUS', '--world', world]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('actor 2: unknown actor "XXX"');
    const w = runCli(['balance', 'whatif', '--world', world, '--set', 'USA,RUS=1.5']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('--set: score 1.5 is outside [-1, 1]');
  });
});
