/**
 * The CLI run in this process, for the fuzz suite (issue 21): the same
 * command-line program a user runs (src/cli/main.ts), with its output
 * captured instead of printed. A case then ends exactly as `concert …` would
 * (exit code, stdout, stderr), at a few milliseconds a run instead of the
 * second a child process costs.
 *
 * `--json` documents are also checked for numbers that JSON cannot carry
 * (NaN and ±Infinity print as `null`): the value handed to `JSON.stringify`
 * is inspected while the command runs.
 */
import { buildProgram } from '../../src/cli/main.js';

export interface CliRun {
  /** The exit code the process would have (0, 1 internal, 2 bad input). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The first non-finite number of a printed JSON document, with its path. */
  readonly nonFinite?: string;
  /** An exception that escaped the command (the process would have died with it). */
  readonly thrown?: string;
}

/** The path to the first number in `value` that is NaN or infinite, or undefined. */
export function findNonFinite(value: unknown, path = '$', depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (ArrayBuffer.isView(value)) {
    const xs = Array.from(value as unknown as ArrayLike<number>);
    const i = xs.findIndex((x) => typeof x === 'number' && !Number.isFinite(x));
    return i < 0 ? undefined : `${path}[${i}] = ${xs[i]}`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonFinite(value[i], `${path}[${i}]`, depth + 1);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const bad = findNonFinite(v, `${path}.${k}`, depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/**
 * Runs `concert …args` in this process. Cases must run one at a time: the
 * standard streams, `process.exitCode` and `JSON.stringify` are taken over
 * while the command runs and given back afterwards.
 */
export async function runConcert(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const stringify = JSON.stringify;
  const exitCode = process.exitCode;
  let nonFinite: string | undefined;
  let thrown: string | undefined;
  const capture =
    (sink: string[]) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  process.exitCode = 0;
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  JSON.stringify = ((value: unknown, replacer?: unknown, space?: unknown) => {
    // printJson's call: the document a --json command prints.
    if (space === 2 && replacer === null && nonFinite === undefined) nonFinite = findNonFinite(value);
    return stringify(value, replacer as never, space as never);
  }) as typeof JSON.stringify;
  let code: number;
  try {
    const program = await buildProgram(args);
    try {
      await program.parseAsync([...args], { from: 'user' });
    } catch (e) {
      // Commander's own parse errors (unknown option, bad choice) exit 2, as main() maps them.
      if ((e as { code?: unknown }).code !== undefined && (e as Error).name === 'CommanderError') {
        process.exitCode = (e as { exitCode: number }).exitCode === 0 ? 0 : 2;
      } else throw e;
    }
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    thrown = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    code = 1;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    JSON.stringify = stringify;
    process.exitCode = exitCode;
  }
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    ...(nonFinite === undefined ? {} : { nonFinite }),
    ...(thrown === undefined ? {} : { thrown }),
  };
}
