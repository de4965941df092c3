/**
 * The `concert` command line: one file per command under src/cli/, each
 * exporting `register(program)`. This file only wires them together and maps
 * parse errors onto the error contract (exit 2).
 *
 * A command's module (and the libraries it needs) is imported only when that
 * command is run: `concert run …` loads the scenario engine, not the web
 * server, the MIP solver or the game-theory tables, which saves about half a
 * second of start-up. Help, an unknown command or no command load them all.
 */
import { Command, CommanderError } from '@commander-js/extra-typings';
import { EXIT_BAD_INPUT } from './run.js';

type Register = (program: Command) => void;
type Loader = () => Promise<{ register: Register }>;

/** Top-level command name → the modules that register it, in the order of `concert --help`. */
const COMMANDS: ReadonlyArray<readonly [string, readonly Loader[]]> = [
  ['arms', [() => import('./arms.js')]],
  ['bargain', [() => import('./bargain.js')]],
  [
    'balance',
    [
      () => import('./balance.js'),
      () => import('./balance-whatif.js'),
      () => import('./balance-dynamics.js'),
    ],
  ],
  ['triangle', [() => import('./triangle.js')]],
  ['relations', [() => import('./relations.js')]],
  [
    'games',
    [
      () => import('./games-equilibria.js'),
      () => import('./games-match.js'),
      () => import('./games-tournament.js'),
      () => import('./games-evolution.js'),
    ],
  ],
  ['coalitions', [() => import('./coalitions.js'), () => import('./coalitions-solve.js')]],
  ['economy', [() => import('./economy.js')]],
  [
    'deterrence',
    [
      () => import('./deterrence.js'),
      () => import('./deterrence-sweep.js'),
      () => import('./deterrence-sspk.js'),
      () => import('./deterrence-coverage.js'),
    ],
  ],
  ['powers', [() => import('./powers.js')]],
  ['world', [() => import('./world.js')]],
  ['validate', [() => import('./validate.js')]],
  ['overview', [() => import('./overview.js')]],
  ['run', [() => import('./scenario-run.js')]],
  ['compare', [() => import('./compare.js')]],
  ['backtest', [() => import('./backtest.js')]],
  ['calibrate', [() => import('./calibrate.js')]],
  ['sensitivity', [() => import('./sensitivity.js')]],
  ['runs', [() => import('./runs.js')]],
  ['report', [() => import('./report.js')]],
  ['serve', [() => import('./serve.js')]],
  ['worker', [() => import('./worker.js')]],
];

/** The registrations needed for these arguments: the named command's, or all of them. */
async function registrations(argv: readonly string[]): Promise<Register[]> {
  const first = argv[0];
  const named = COMMANDS.find(([name]) => name === first);
  const loaders = named ? named[1] : COMMANDS.flatMap(([, l]) => l);
  return (await Promise.all(loaders.map((load) => load()))).map((m) => m.register);
}

/** The program with the commands these arguments need (all of them when `argv` is omitted). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('concert')
    .description('Concert: a quantitative laboratory for strategic stability among major powers')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`error: ${str.replace(/^error: /, '')}`) });
  for (const register of await registrations(argv)) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = await buildProgram(argv);
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
