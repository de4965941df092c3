/** The powers, world, validate and overview commands as a user runs them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { FILE_KINDS, validateFile } from '../../src/cli/validate.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-powers-cli-'));

describe('concert powers --json', () => {
  it('lists every 2016 COW system member with recomputed CINC, in the DESIGN.md shape', () => {
    const out = runCliJson<{
      year: number;
      index: string;
      actors: {
        id: string;
        name: string;
        value: number;
        share: number;
        rank: number;
        major: boolean;
        cowMajor: boolean;
        reasons: string[];
      }[];
      concentration: { con: number; hhi: number; effectivePoles: number };
    }>(['powers', '--year', '2016']);
    expect(out.year).toBe(2016);
    expect(out.index).toBe('cinc');
    expect(out.actors).toHaveLength(195);
    expect(Object.keys(out.actors[0]!).sort()).toEqual([
      'cowMajor',
      'id',
      'major',
      'name',
      'rank',
      'reasons',
      'share',
      'value',
    ]);
    expect(out.actors[0]).toMatchObject({ id: 'CHN', rank: 1, major: true, cowMajor: true });
    expect(out.actors[0]!.value).toBeCloseTo(0.23061772, 7);
    expect(
      out.actors
        .filter((a) => a.cowMajor)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['CHN', 'DEU', 'FRA', 'GBR', 'JPN', 'RUS', 'USA']);
    expect(Object.keys(out.concentration).sort()).toEqual(['con', 'effectivePoles', 'hhi']);
  });
});

describe('concert validate', () => {
  it('reports a wrong type, an unknown actor and a negative population with line and column, exit 2', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      `year: 2016
actors:
  USA:
    name: United States
    population: -5
  CHN:
    name: 42
relations:
  - { a: USA, b: XYZ, score: 0.5, kind: partnership }
`,
    );
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^error: .*bad\.yaml:5:17: actors\.USA\.population: .*>=0/),
      expect.stringMatching(/^error: .*bad\.yaml:7:11: actors\.CHN\.name: .*string/),
      expect.stringMatching(/^error: .*bad\.yaml:9:18: relations\[0\]\.b: unknown actor "XYZ"/),
      '3 problems found.',
    ]);
  });

  it('reports a YAML syntax error with its position, exit 2', () => {
    const file = join(dir, 'syntax.yaml');
    writeFileSync(file, 'extends: default\nactors:\n  USA: {name: "x"\n');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax\.yaml:\d+:\d+: YAML syntax error/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('accepts a valid overlay on the default world', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'extends: { default: 1990 }\nactors:\n  USA: { population: 250000000 }\n');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid world \(\d+ actors, \d+ relations, year 1990\)/);
  });
});

describe('validateFile (the file-kind registry)', () => {
  it('recognises a world by its actors or extends key and refuses anything else at line 1', () => {
    expect(FILE_KINDS.map((k) => k.kind)).toContain('world');
    const world = join(dir, 'w.json');
    writeFileSync(world, JSON.stringify({ year: 2000, actors: { USA: { name: 'United States' } } }));
    expect(validateFile(world)).toMatchObject({ kind: 'world', summary: '1 actors, 0 relations, year 2000' });
    const list = join(dir, 'list.yaml');
    writeFileSync(list, '- 1\n- 2\n');
    try {
      validateFile(list);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).problems[0]).toMatchObject({ line: 1, column: 1 });
      expect((e as ConcertError).problems[0]?.message).toContain('cannot tell what kind of file');
    }
  });
});

describe('concert overview', () => {
  it('prints the strongest states, concentration, alliances and rivalries', () => {
    const r = runCli(['overview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('strategic overview of the default world, 2016');
    expect(r.stdout).toMatch(/1\s+CHN\s+China\s+23\.06%/);
    expect(r.stdout).toContain("COW's official major powers: USA, GBR, FRA, DEU, RUS, CHN, JPN.");
    expect(r.stdout).toContain('effective number of poles');
    expect(r.stdout).toMatch(/JPN–USA .* 0\.9\d +alliance/);
    expect(r.stdout).toMatch(/RUS–USA .* -\d\.\d\d +(hostility|rivalry)/);
  });
});
