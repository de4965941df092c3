/**
 * The package as another project sees it: Concert linked into a temporary
 * project's node_modules, its subpaths imported by Node through package.json's
 * `exports` (deep imports refused), and docs/library.md's examples
 * type-checked by tsc against the declarations in dist/.
 *
 * This needs the build. `npm ci` builds dist/ (the `prepare` script), so in CI
 * it is there; when dist/ is missing or older than a source file, the suite
 * builds it first (`npm run build`, about a minute on two cores).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFile, examples, libraryDoc, root, SUBPATHS } from './library-doc.js';

const run = promisify(execFile);

/** The newest modification time of the files under `dir` that the build reads. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!name.endsWith('.test.ts')) newest = Math.max(newest, s.mtimeMs);
  }
  return newest;
}

function distIsCurrent(): boolean {
  const built = `${root}dist/index.js`;
  return existsSync(built) && statSync(built).mtimeMs >= newestSource(`${root}src`);
}

let project = '';

/** Builds dist/ (`npm run build`), failing with the compiler's messages. */
function build(): void {
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

beforeAll(() => {
  if (!distIsCurrent()) build();
  project = mkdtempSync(join(tmpdir(), 'concert-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root.replace(/\/$/, ''), join(project, 'node_modules', 'concert'), 'dir');
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
}, 300_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the built package, from another project', () => {
  it('imports every subpath through its exports, with the names of its source entry file', async () => {
    writeFileSync(
      join(project, 'names.mjs'),
      [
        `const subpaths = ${JSON.stringify(['', ...SUBPATHS.map((s) => `/${s}`)])};`,
        'const names = {};',
        "for (const s of subpaths) names['concert' + s] = Object.keys(await import('concert' + s)).sort();",
        'console.log(JSON.stringify(names));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['names.mjs'], {
      cwd: project,
      maxBuffer: 16 * 1024 * 1024,
    });
    const names = JSON.parse(stdout) as Record<string, string[]>;
    const expected: Record<string, string[]> = {
      concert: Object.keys(await import(entryFile())).sort(),
    };
    for (const sub of SUBPATHS) expected[`concert/${sub}`] = Object.keys(await import(entryFile(sub))).sort();
    expect(names).toEqual(expected);
  });

  it('refuses internal paths, which are not part of the public API', async () => {
    const internal = [
      'concert/models/relations/frustration.js',
      'concert/dist/models/relations/frustration.js',
      'concert/dist/index.js',
      'concert/src/index.ts',
      'concert/library/core',
    ];
    writeFileSync(
      join(project, 'internal.mjs'),
      [
        `const paths = ${JSON.stringify(internal)};`,
        'const codes = {};',
        'for (const p of paths) {',
        '  try {',
        '    await import(p);',
        "    codes[p] = 'imported';",
        '  } catch (e) {',
        '    codes[p] = e.code;',
        '  }',
        '}',
        "codes['concert/package.json'] = (await import('concert/package.json', { with: { type: 'json' } })).default.name;",
        'console.log(JSON.stringify(codes));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['internal.mjs'], { cwd: project });
    const expected: Record<string, string> = Object.fromEntries(
      internal.map((p) => [p, 'ERR_PACKAGE_PATH_NOT_EXPORTED']),
    );
    expected['concert/package.json'] = 'concert';
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it("type-checks docs/library.md's examples against the package's declarations, and refuses a deep import", async () => {
    const all = examples(libraryDoc());
    for (const [k, e] of all.entries()) writeFileSync(join(project, `example-${k}.mts`), e.code);
    writeFileSync(
      join(project, 'deep.mts'),
      [
        '// @ts-expect-error: internal modules are not exported',
        "import { compileActor } from 'concert/dist/models/deterrence/compile.js';",
        'console.log(compileActor);',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [`${root}node_modules/@types`],
        },
        include: ['*.mts'],
      }),
    );
    const tsc = `${root}node_modules/typescript/bin/tsc`;
    const r = await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch(
      (e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }),
    );
    expect(r.stdout).toBe('');
    expect(all.length).toBeGreaterThanOrEqual(9);
  });
});
