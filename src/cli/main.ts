/**
 * The `concert` command line: one file per command under src/cli/, each
 * exporting `register(program)`. This file only wires them together and maps
 * parse errors onto the error contract (exit 2).
 */
import { Command, CommanderError } from '@commander-js/extra-typings';
import { register as arms } from './arms.js';
import { register as balance } from './balance.js';
import { register as gamesEquilibria } from './games-equilibria.js';
import { register as gamesRepeated } from './games-repeated.js';
import { register as coalitions } from './coalitions.js';
import { register as deterrence } from './deterrence.js';
import { register as overview } from './overview.js';
import { register as powers } from './powers.js';
import { register as triangle } from './triangle.js';
import { register as validate } from './validate.js';
import { register as world } from './world.js';
import { register as scenarioRun } from './scenario-run.js';
import { register as compare } from './compare.js';
import { register as runs } from './runs.js';
import { register as serve } from './serve.js';
import { EXIT_BAD_INPUT } from './run.js';

type Register = (program: Command) => void;

const commands: Register[] = [arms, balance, triangle, gamesEquilibria, gamesRepeated, coalitions, deterrence, powers, world, validate, overview, scenarioRun, compare, runs, serve];

export function buildProgram(): Command {
  const program = new Command('concert')
    .description('Concert: a quantitative laboratory for strategic stability among major powers')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`error: ${str.replace(/^error: /, '')}`) });
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every parse problem is bad input.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      return;
    }
    throw e;
  }
}
