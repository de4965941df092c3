import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'concert-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenario = 'test/scenario/fixtures/resume.yaml';
const RUNS = 2000;

function storedRuns(path: string): number {
  const store = RunStore.open(path);
  try {
    const [e] = store.listEnsembles();
    return e ? e.storedRuns : 0;
  } finally {
    store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an ensemble interrupted by kill -9', () => {
  it('resumes: the rerun finishes the missing runs, loses none, duplicates none, and matches an uninterrupted ensemble', {
    timeout: 300_000,
  }, async () => {
    const path = join(dir, 'killed.db');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        `${root}src/cli/bin.ts`,
        'run',
        scenario,
        '--runs',
        String(RUNS),
        '--workers',
        '1',
        '--store',
        path,
        '--json',
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let before = 0;
    for (let k = 0; k < 1200 && before < 150; k++) {
      await sleep(50);
      before = storedRuns(path);
    }
    child.kill('SIGKILL');
    const code = await exited;
    expect(code).toBeNull();
    before = storedRuns(path);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(RUNS);

    const resumed = runCli([
      'run',
      scenario,
      '--runs',
      String(RUNS),
      '--workers',
      '1',
      '--store',
      path,
      '--json',
    ]);
    expect(resumed.code).toBe(0);
    const store = RunStore.open(path);
    const [e] = store.listEnsembles();
    expect(e!.storedRuns).toBe(RUNS);
    expect(store.missingRuns(e!.id, RUNS)).toEqual([]);
    const indices = [...store.iterateRuns(e!.id)].map((r) => r.run);
    expect(new Set(indices).size).toBe(RUNS);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(RUNS - 1);
    store.close();

    const fresh = runCli([
      'run',
      scenario,
      '--runs',
      String(RUNS),
      '--workers',
      '1',
      '--store',
      join(dir, 'fresh.db'),
      '--json',
    ]);
    expect(fresh.code).toBe(0);
    expect(resumed.stdout).toBe(fresh.stdout);
  });
});
