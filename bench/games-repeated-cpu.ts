/**
 * CPU-time companion of bench/games-repeated.bench.ts for a shared machine:
 * wall-clock minimum and median, and CPU time per run (process.cpuUsage:
 * user + system of this process, which excludes time spent preempted by other
 * processes). Run: `npx tsx bench/games-repeated-cpu.ts [runs]`.
 */
import { Rng } from '../src/core/rng.js';
import {
  FIRST_TOURNAMENT_NAMES,
  findStrategy,
  MatchEngine,
  type MatchSummary,
  playTournament,
  type Strategy,
} from '../src/models/games/repeated/index.js';

const runs = Number(process.argv[2] ?? 30);

function measure(name: string, fn: () => void): void {
  for (let i = 0; i < 5; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    wall.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const med = (xs: number[]) => xs[xs.length >> 1] as number;
  process.stdout.write(
    `| ${name} | ${(wall[0] as number).toFixed(1)} | ${med(wall).toFixed(1)} | ${med(cpu).toFixed(1)} |\n`,
  );
}

const tft = findStrategy('Tit For Tat') as Strategy;
const defector = findStrategy('Defector') as Strategy;
const engine = new MatchEngine();
const out: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
const rng = Rng.fromSeed(1);

process.stdout.write('| task | wall min (ms) | wall median (ms) | CPU median (ms) |\n|---|---:|---:|---:|\n');
measure('1,000 matches Tit For Tat vs Defector, 200 turns', () => {
  for (let i = 0; i < 1000; i++) engine.play(tft, defector, { turns: 200 }, rng, out);
});
measure("Axelrod's first tournament, 15 × 200 turns × 5 repetitions", () => {
  playTournament({ players: FIRST_TOURNAMENT_NAMES, turns: 200, repetitions: 5, seed: 1 });
});
measure('1,000 matches Tit For Tat vs Defector, after tournaments (megamorphic call sites)', () => {
  for (let i = 0; i < 1000; i++) engine.play(tft, defector, { turns: 200 }, rng, out);
});
