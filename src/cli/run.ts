/**
 * The CLI's error contract (DESIGN.md): exit 0 on success, 2 on bad input
 * (one located message per problem on stderr), 1 on an internal fault. No
 * stack traces unless CONCERT_DEBUG is set.
 */
import { type ConcertError, formatProblem, isConcertError } from '../core/errors.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Prints an error the way the contract says and returns the exit code. */
export function reportError(e: unknown): number {
  if (isConcertError(e)) {
    printProblems(e);
    return e.code === 'bad-input' ? EXIT_BAD_INPUT : EXIT_INTERNAL;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`concert: internal error: ${message}\n`);
  if (process.env.CONCERT_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT_INTERNAL;
}

function printProblems(e: ConcertError): void {
  const n = e.problems.length;
  for (const p of e.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
  if (n > 1) process.stderr.write(`${n} problems found.\n`);
}

/**
 * Wraps a command action: runs it, sets the exit code from the error contract.
 * Actions print their own output and return nothing.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => void | Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}

/** Writes one JSON document to stdout (the `--json` contract). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The parent command `name` (e.g. `games`), created on first use, so that
 * several files can add subcommands under one parent.
 */
export function group<P extends { commands: readonly unknown[]; command(name: string): unknown }>(
  program: P,
  name: string,
  description: string,
): ReturnType<P['command']> {
  const existing = program.commands.find((c) => (c as { name(): string }).name() === name);
  if (existing) return existing as ReturnType<P['command']>;
  const cmd = program.command(name) as ReturnType<P['command']> & { description(d: string): unknown };
  cmd.description(description);
  return cmd;
}
