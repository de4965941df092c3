/**
 * Normal-form equilibria: all equilibria of random 8×8 bimatrix games
 * (integer payoffs 0..999, the size of the notes' Nashpy/Gambit comparison),
 * by vertex enumeration (the default), support enumeration and Lemke–Howson
 * from every label; von Stengel's 6×6 game with 75 equilibria; the
 * McKelvey–McLennan 2×2×2 game (9 equilibria) by the polynomial method; and
 * one equilibrium of a random 3×3×3 game by logit QRE tracing.
 * Run: `npm run bench -- games-equilibria`.
 */
import { readFileSync } from 'node:fs';
import type { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  bimatrixGame,
  binaryGameEquilibria,
  Fraction,
  lemkeHowsonAll,
  logitSolution,
  makeGame,
  type NormalFormGame,
  parseNfg,
  supportEnumeration,
  vertexEnumeration,
} from '../src/models/games/normal/index.js';

const fixtures = new URL('../test/validation/fixtures/', import.meta.url);

/** `count` random m×n bimatrix games with integer payoffs in [0, 999] from a fixed seed. */
function randomGames(count: number, m: number, n: number, seed: number): NormalFormGame[] {
  const rng = Rng.fromSeed(seed);
  const matrix = () => Array.from({ length: m }, () => Array.from({ length: n }, () => rng.int(0, 999)));
  return Array.from({ length: count }, () => bimatrixGame(matrix(), matrix()));
}

/**
 * CPU time per call (process.cpuUsage, user + system) of vertex enumeration
 * over the 20 games, after warm-up: on a shared machine this is a steadier
 * figure than wall-clock latency, which includes time spent waiting for a core.
 */
function cpuMsPerCall(games: readonly NormalFormGame[], rounds: number): number {
  for (let r = 0; r < 3; r++) for (const g of games) vertexEnumeration(g);
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const g of games) vertexEnumeration(g);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (rounds * games.length);
}

export default function (bench: Bench): void {
  const games = randomGames(20, 8, 8, 2017);
  console.log(
    `vertex enumeration, random 8×8 (20 games): ${cpuMsPerCall(games, 10).toFixed(2)} ms CPU time per call`,
  );
  let k = 0;
  const next = () => games[k++ % games.length]!;
  bench.add('all equilibria, random 8×8 (vertex enumeration, exact; 20 games in turn)', () => {
    vertexEnumeration(next());
  });
  bench.add('all equilibria, random 8×8 (support enumeration, exact; 20 games in turn)', () => {
    supportEnumeration(next());
  });
  bench.add('Lemke–Howson from all 16 labels, random 8×8 (exact; 20 games in turn)', () => {
    lemkeHowsonAll(next());
  });
  const stengel = parseNfg(readFileSync(new URL('vonstengel-6x6-75eq.nfg', fixtures), 'utf8'), 'vs.nfg');
  bench.add("von Stengel's 6×6 game, all 75 equilibria (vertex enumeration, exact)", () => {
    vertexEnumeration(stengel);
  });
  const mm = parseNfg(readFileSync(new URL('mckelvey-mclennan-2x2x2.nfg', fixtures), 'utf8'), 'mm.nfg');
  bench.add('McKelvey–McLennan 2×2×2 game, all 9 equilibria (polynomial support enumeration)', () => {
    binaryGameEquilibria(mm);
  });
  const rng = Rng.fromSeed(5);
  const three = makeGame(
    ['1', '2', '3'],
    [
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ],
    Array.from({ length: 27 }, () => [0, 1, 2].map(() => new Fraction(rng.int(0, 99)))),
  );
  bench.add('one equilibrium of a random 3×3×3 game (logit QRE tracing + refinement)', () => {
    logitSolution(three);
  });
}
