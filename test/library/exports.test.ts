/**
 * The public surface is exactly what docs/library.md lists: each subpath's
 * entry file exports the names of its table (values at run time, types in
 * the source), the root exports their union, and package.json maps every
 * subpath to its entry file's build output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  declaredNames,
  documentedNames,
  entryFile,
  libraryDoc,
  type Names,
  root,
  SUBPATHS,
} from './library-doc.js';

const documented = documentedNames(libraryDoc());
const union = (pick: (n: Names) => string[]) => [...SUBPATHS.flatMap((s) => pick(documented.get(s)!))].sort();

describe('the public names', () => {
  it('docs/library.md has a table for every subpath and no other', () => {
    expect([...documented.keys()]).toEqual([...SUBPATHS]);
  });

  for (const sub of SUBPATHS) {
    it(`concert/${sub} exports at run time exactly the values of its table`, async () => {
      const module = (await import(entryFile(sub))) as Record<string, unknown>;
      expect(Object.keys(module).sort()).toEqual(documented.get(sub)!.values);
      for (const name of Object.keys(module)) expect(module[name], name).toBeDefined();
    });

    it(`concert/${sub} declares exactly the values and types of its table`, () => {
      expect(declaredNames(entryFile(sub))).toEqual(documented.get(sub));
    });
  }

  it('a name belongs to one subpath only, so the root is their plain union', () => {
    const all = union((n) => [...n.values, ...n.types]);
    expect(all.filter((name, i) => all[i - 1] === name)).toEqual([]);
  });

  it('concert exports the union of the subpaths, values at run time and types in the source', async () => {
    const module = await import(entryFile());
    expect(Object.keys(module).sort()).toEqual(union((n) => n.values));
    expect(declaredNames(entryFile())).toEqual({
      values: union((n) => n.values),
      types: union((n) => n.types),
    });
  });

  it('leaves out the internals the folders export for the CLI, the server and the tests', async () => {
    const module = (await import(entryFile())) as Record<string, unknown>;
    const internals = [
      'getHighs', // core: the LP/MIP solver
      'issuesToProblems',
      'reroot', // core: for the CLI and the server
      'buildDefaultWorld', // world: the uncached builder
      'loadWorldInputs',
      'solveFrustrationMip', // relations: MIP plumbing and kernels
      'localSearchPartition',
      'enumerateBestPartition',
      'edgeCosts',
      'compileActor', // deterrence: compiled forms and kernels
      'allocateFirstStrike',
      'leakDistribution',
      'resolveOptions',
      'metzlerSpectralAbscissa', // arms: a typed-array kernel
      'MatchEngine', // games: the allocation-free match loop
      'playTournamentMatches',
      'vertexEnumeration',
      'winningTable', // coalitions: typed-array tables
      'exactSwings',
      'engineCaches', // scenario: caches, worker tasks
      'ensemblePool',
      'IndicatorCollector',
      'applyOverrides', // reports: CLI and server helpers
      'playerProblems',
    ];
    expect(internals.filter((name) => name in module)).toEqual([]);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
    main: string;
    types: string;
  };

  it('maps the root and each subpath to its entry file built in dist/, types first, and nothing else but package.json', () => {
    const expected: Record<string, unknown> = {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    };
    for (const sub of SUBPATHS)
      expected[`./${sub}`] = { types: `./dist/library/${sub}.d.ts`, default: `./dist/library/${sub}.js` };
    expected['./package.json'] = './package.json';
    expect(pkg.exports).toEqual(expected);
    for (const target of Object.values(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target)).toEqual(['types', 'default']);
      const source = target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(`${root}${source}`), source).toBe(true);
    }
    expect(`./${pkg.main}`).toBe((pkg.exports['.'] as { default: string }).default);
    expect(`./${pkg.types}`).toBe((pkg.exports['.'] as { types: string }).types);
  });
});
