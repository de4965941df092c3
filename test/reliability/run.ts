/**
 * Runs the CLI from source with a time and memory bound, for the reliability
 * tests (issue 21): an input must end in exit 2 with a located message, never
 * a hang, a crash, an "internal error" or a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BoundedResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the run was stopped at the time bound (a hang). */
  readonly timedOut: boolean;
}

/**
 * Runs `concert …args` with at most `timeoutMs` of wall time and a 512 MB old
 * space, so that a runaway allocation fails fast instead of eating the machine.
 */
export function runBounded(
  args: readonly string[],
  options: { timeoutMs?: number; cwd?: string; input?: string } = {},
): BoundedResult {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=512', '--import', 'tsx', `${root}src/cli/bin.ts`, ...args],
    {
      cwd: options.cwd ?? root,
      input: options.input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CONCERT_DEBUG: '' },
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

/** A fresh temporary directory with `files` written into it; returns the path of each. */
export function writeTemp(files: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'concert-reliability-'));
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    out[name] = path;
  }
  return out;
}

/**
 * Asserts the error contract for bad input: exit 2, no hang, every stderr line
 * an `error:` line (or the problem count), no "internal error", no stack
 * trace, and each of `where` (a file, a flag, a field path) named.
 */
export function expectLocated(r: BoundedResult, ...where: string[]): void {
  expect(r.timedOut, `timed out; stderr: ${r.stderr}`).toBe(false);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(/^error: |^\d+ problems found\.$/);
  for (const w of where) expect(r.stderr).toContain(w);
}
