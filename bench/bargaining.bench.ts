/**
 * models/bargaining: KTAB's SOE-Pol-Comp run to convergence (13 actors, 2
 * dimensions, 27 turns; read from KTAB's CSV once), one turn of it, a
 * synthetic 50-actor, 6-dimension problem run to KTAB's stopping rule (at
 * most 100 turns), and the P5 core-interests file with voluntary acceptance.
 * The 50-actor problem is synthetic (uniform positions, capabilities 10–200,
 * saliences summing to 0.75–0.99 as KTAB's randomSMP draws them), seed 50.
 */
import { readFileSync } from 'node:fs';
import type { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  type BargainingProblem,
  bargainingTurn,
  compileBargaining,
  DEFAULT_BARGAINING_OPTIONS,
  parseBargaining,
  runBargaining,
} from '../src/models/bargaining/index.js';

function randomProblem(actors: number, dimensions: number, seed: number): BargainingProblem {
  const rng = Rng.fromSeed(seed);
  return {
    title: `synthetic ${actors}×${dimensions}`,
    description: '',
    dimensions: Array.from({ length: dimensions }, (_, d) => ({ id: `d${d}`, name: `d${d}` })),
    actors: Array.from({ length: actors }, (_, i) => {
      const total = 0.75 + 0.24 * rng.next();
      const raw = Array.from({ length: dimensions }, () => 0.1 + 0.9 * rng.next());
      const sum = raw.reduce((a, b) => a + b, 0);
      return {
        id: `A${i}`,
        name: `A${i}`,
        capability: 10 + 190 * rng.next(),
        position: Array.from({ length: dimensions }, () => 100 * rng.next()),
        salience: raw.map((x) => (100 * total * x) / sum),
      };
    }),
    accommodation: [],
    options: DEFAULT_BARGAINING_OPTIONS,
  };
}

export default function bargainingBench(bench: Bench): void {
  const soeFile = new URL('../test/validation/fixtures/ktab_smp_soe_pol_comp.csv', import.meta.url);
  const soe = compileBargaining(parseBargaining(readFileSync(soeFile, 'utf8'), 'soe.csv'));
  const big = compileBargaining(randomProblem(50, 6, 50));
  const p5File = new URL('../data/core-interests-2017.yaml', import.meta.url);
  const p5 = compileBargaining(parseBargaining(readFileSync(p5File, 'utf8'), 'core-interests-2017.yaml'));
  const turns = runBargaining(big.model, big.state).turns.length;

  bench
    .add('bargaining SOE-Pol-Comp to convergence (13 actors, 2 dims, 27 turns)', () => {
      runBargaining(soe.model, soe.state);
    })
    .add('bargaining one SOE-Pol-Comp turn (13 actors, 2 dims)', () => {
      bargainingTurn(soe.model, soe.state);
    })
    .add(`bargaining 50 actors, 6 dims to KTAB's stopping rule (${turns} turns)`, () => {
      runBargaining(big.model, big.state);
    })
    .add('bargaining one 50-actor, 6-dim turn', () => {
      bargainingTurn(big.model, big.state);
    })
    .add('bargaining P5 core interests, voluntary acceptance, 100 turns (5 actors, 7 dims)', () => {
      runBargaining(p5.model, p5.state);
    });
}
