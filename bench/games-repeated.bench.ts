/**
 * Repeated games: Axelrod's first tournament (15 strategies × 200 turns × 5
 * repetitions), 1,000 matches Tit For Tat vs Defector over 200 turns, and a
 * 40-strategy tournament on 1 and 2 worker threads.
 * Run: `npm run bench -- games-repeated`.
 */
import type { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  FIRST_TOURNAMENT_NAMES,
  findStrategy,
  MatchEngine,
  type MatchSummary,
  playTournament,
  runTournament,
  STRATEGIES,
  type Strategy,
} from '../src/models/games/repeated/index.js';
import { WorkerPool } from '../src/runtime/pool.js';

export default async function (bench: Bench): Promise<void> {
  const first = { players: FIRST_TOURNAMENT_NAMES, turns: 200, repetitions: 5, seed: 1 };
  bench.add('first tournament: 15 strategies × 200 turns × 5 reps (1 thread)', () => {
    playTournament(first);
  });

  const tft = findStrategy('Tit For Tat') as Strategy;
  const defector = findStrategy('Defector') as Strategy;
  const engine = new MatchEngine();
  const out: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
  const rng = Rng.fromSeed(1);
  bench.add('1,000 matches Tit For Tat vs Defector, 200 turns', () => {
    for (let i = 0; i < 1000; i++) engine.play(tft, defector, { turns: 200 }, rng, out);
  });

  const forty = { players: STRATEGIES.slice(0, 40).map((s) => s.name), turns: 200, repetitions: 5, seed: 2 };
  const pool1 = WorkerPool.create(1);
  const pool2 = WorkerPool.create(2);
  // Warm both pools (worker start-up and module load are not part of the measurement).
  await runTournament({ ...forty, repetitions: 1 }, { pool: pool1 });
  await runTournament({ ...forty, repetitions: 1 }, { pool: pool2 });
  bench.add('40-strategy tournament, 200 turns × 5 reps, 1 worker', async () => {
    await runTournament(forty, { pool: pool1 });
  });
  bench.add('40-strategy tournament, 200 turns × 5 reps, 2 workers', async () => {
    await runTournament(forty, { pool: pool2 });
  });
  bench.add('40-strategy tournament, 200 turns × 5 reps, main thread', () => {
    playTournament(forty);
  });
  bench.addEventListener('complete', () => {
    void pool1.close();
    void pool2.close();
    // Minimum latencies: the least disturbed runs on a shared machine.
    for (const task of bench.tasks) {
      const r = task.result;
      if (r && 'latency' in r) console.log(`min ${(r.latency.min).toFixed(2)} ms  ${task.name}`);
    }
  });
}
