import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcertError, type Problem } from '../../src/core/errors.js';
import { resolveWorld } from '../../src/cli/world-options.js';
import { loadWorldFile, parseWorld } from '../../src/world/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-world-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function problemsOf(f: () => unknown): readonly Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input') return e.problems;
    throw e;
  }
  throw new Error('expected bad input');
}

const small = `year: 2017
actors:
  USA:
    name: United States
    population: 325000000
  CHN:
    name: China
relations:
  - { a: USA, b: CHN, score: -0.4, kind: rivalry, source: my note }
`;

describe('loadWorldFile', () => {
  it('reads a complete YAML world and applies defaults', () => {
    const w = loadWorldFile(write('small.yaml', small));
    expect(w.year).toBe(2017);
    expect(w.actors.USA).toMatchObject({ name: 'United States', cowMajor: false, unscPermanent: false });
    expect(w.relations).toHaveLength(1);
  });

  it('reads the same world as JSON', () => {
    const json = JSON.stringify({
      year: 2017,
      actors: { USA: { name: 'United States' }, CHN: { name: 'China' } },
      relations: [{ a: 'USA', b: 'CHN', score: -0.4, kind: 'rivalry' }],
    });
    expect(loadWorldFile(write('small.json', json)).relations[0]?.kind).toBe('rivalry');
  });

  it('reports a wrong type, an unknown actor and a negative population, each at its line and column', () => {
    const path = write(
      'bad.yaml',
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
    const problems = problemsOf(() => loadWorldFile(path));
    expect(problems).toHaveLength(3);
    const at = (field: string) => problems.find((p) => p.path?.join('.').endsWith(field));
    expect(at('USA.population')).toMatchObject({ file: path, line: 5, column: 17 });
    expect(at('CHN.name')).toMatchObject({ line: 7, column: 11 });
    expect(at('relations.0.b')).toMatchObject({ line: 9, column: 18 });
    expect(at('relations.0.b')?.message).toContain('unknown actor "XYZ"');
  });

  it('reports a YAML syntax error with its position', () => {
    const problems = problemsOf(() =>
      loadWorldFile(write('syntax.yaml', 'year: 2016\nactors:\n  USA: {name: "x"\n')),
    );
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.message).toContain('YAML syntax error');
    }
  });

  it('names a missing file', () => {
    expect(problemsOf(() => loadWorldFile(join(dir, 'nope.yaml')))[0]?.message).toContain('no such file');
  });
});

describe('extends: default', () => {
  it('merges actors by id and replaces or adds relations per pair', () => {
    const w = parseWorld(
      `extends: default
year: 2017
actors:
  USA:
    population: 330000000
    capabilities: { milexThousands: 700000000 }
  NATO:
    name: North Atlantic Treaty Organization
relations:
  - { a: USA, b: CHN, score: -0.8, kind: hostility }
  - { a: NATO, b: USA, score: 1, kind: alliance }
`,
      'overlay.yaml',
    );
    expect(w.year).toBe(2017);
    expect(w.actors.USA?.population).toBe(330_000_000);
    expect(w.actors.USA?.capabilities?.milexThousands).toBe(700_000_000);
    expect(w.actors.USA?.capabilities?.milperThousands).toBe(1381);
    expect(w.actors.USA?.cowMajor).toBe(true);
    expect(Object.keys(w.actors)).toHaveLength(196);
    const usChina = w.relations.filter((r) => [r.a, r.b].sort().join() === 'CHN,USA');
    expect(usChina).toEqual([{ a: 'USA', b: 'CHN', score: -0.8, kind: 'hostility' }]);
    expect(w.relations.some((r) => r.a === 'NATO')).toBe(true);
  });

  it('extends the default world of another year', () => {
    const w = parseWorld('extends: { default: 1990 }\n', 'y.yaml');
    expect(w.year).toBe(1990);
    expect(w.actors.XGFR?.name).toBe('German Federal Republic');
  });

  it('locates problems of the merged world in the user file', () => {
    const problems = problemsOf(() =>
      parseWorld(
        `extends: default
actors:
  JPN:
    population: -1
relations:
  - { a: JPN, b: ATLANTIS, score: 2, kind: alliance }
`,
        'o.yaml',
      ),
    );
    expect(problems.map((p) => [p.line, p.path?.join('.')])).toEqual(
      expect.arrayContaining([
        [4, 'actors.JPN.population'],
        [6, 'relations.0.score'],
        [6, 'relations.0.b'],
      ]),
    );
  });

  it('rejects an unknown base or year, at the extends key', () => {
    expect(problemsOf(() => parseWorld('extends: nothing\n', 'e.yaml'))[0]).toMatchObject({
      line: 1,
      path: ['extends'],
    });
    expect(problemsOf(() => parseWorld('extends: { default: 1700 }\n', 'e.yaml'))[0]?.message).toContain(
      '1816',
    );
  });
});

describe('resolveWorld', () => {
  it('loads the default world of a year, or a file, but not both', () => {
    expect(resolveWorld({ year: '1950' }).year).toBe(1950);
    expect(resolveWorld({}).year).toBe(2016);
    expect(problemsOf(() => resolveWorld({ year: '2020' }))[0]?.path).toEqual(['--year']);
    expect(problemsOf(() => resolveWorld({ year: '2016', file: 'x.yaml' }))[0]?.path).toEqual(['--year']);
  });
});
