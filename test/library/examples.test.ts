/**
 * Every ```ts example of docs/library.md runs, from the sources (its
 * `concert/…` imports pointed at src/index.ts and src/library/*.ts), in a
 * child process, and prints exactly the ```text block under it. An example
 * whose first line is `// $ concert …` prints what that command prints.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { examples, libraryDoc, root, runnableSource } from './library-doc.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'concert-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an example from a temporary `.mts` file (ESM, like a user's script), in the repository root. */
async function runExample(code: string, name: string): Promise<string> {
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, runnableSource(code));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** The words of `concert a "b c" --d`, without the program name. */
function commandWords(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return words.slice(words.indexOf('concert') + 1);
}

const all = examples(libraryDoc());

describe('docs/library.md', () => {
  it('has one example per model, each printing something', () => {
    const headings = all.map((e) => e.heading);
    for (const model of [
      'Powers',
      'Relations',
      'Deterrence',
      'Arms',
      'Games: normal form',
      'Games: repeated',
      'Coalitions',
      'Scenarios',
      'Reports',
    ]) {
      expect(headings).toContain(model);
    }
    for (const e of all) expect(e.expected.trim(), `example at line ${e.line}`).not.toBe('');
  });

  it('points concert imports at the source entry files and refuses a subpath the package does not have', () => {
    expect(runnableSource("import { Rng } from 'concert/core';\nimport { dyad } from 'concert';\n")).toBe(
      `import { Rng } from 'file://${root}src/library/core.ts';\nimport { dyad } from 'file://${root}src/index.ts';\n`,
    );
    expect(() => runnableSource("import { compileActor } from 'concert/internals';")).toThrow(
      /not a subpath/,
    );
  });

  for (const [k, e] of all.entries()) {
    it(`the example at line ${e.line} (${e.heading}) prints the text under it`, async () => {
      expect(await runExample(e.code, `example-${k}`)).toBe(e.expected);
    });
  }

  for (const e of all.filter((x) => x.code.startsWith('// $ concert '))) {
    it(`the example at line ${e.line} prints what \`${e.code.split('\n')[0]!.slice(5)}\` prints`, () => {
      const r = runCli(commandWords(e.code.split('\n')[0]!));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(e.expected);
    });
  }
});
