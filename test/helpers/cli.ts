/**
 * Runs the real CLI in a child process from source (through tsx), so tests see
 * exactly what a user sees: stdout, stderr and the exit code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${root}src/cli/bin.ts`, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Parses the stdout of a `--json` run, failing loudly with stderr if it is not JSON. */
export function runCliJson<T = unknown>(args: readonly string[]): T {
  const r = runCli([...args, '--json']);
  if (r.code !== 0) throw new Error(`concert ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
