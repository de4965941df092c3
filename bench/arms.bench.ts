/**
 * models/arms: simulate an 8-actor Richardson system for 20 years (DOPRI5,
 * yearly dense output, one threshold), its closed form, stability and
 * equilibrium, and least-squares fits (3 states on COW NMC 1990–2016; 8
 * actors on 40 synthetic years).
 */
import type { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  fitRichardson,
  milexFromWorldInputs,
  milexSeries,
  type RichardsonSystem,
  richardsonClosedForm,
  richardsonEquilibrium,
  richardsonStability,
  richardsonStep,
  simulateRichardson,
} from '../src/models/arms/index.js';
import { loadWorldInputs } from '../src/world/index.js';

function randomSystem(n: number, seed: number): RichardsonSystem {
  const rng = Rng.fromSeed(seed);
  const actors = Array.from({ length: n }, (_, i) => `A${i}`);
  return {
    actors,
    reaction: actors.map((_, i) => actors.map((_, j) => (i === j ? 0 : 0.1 * rng.next()))),
    fatigue: actors.map(() => 0.5 + rng.next()),
    grievance: actors.map(() => rng.next()),
  };
}

export default function armsBench(bench: Bench): void {
  const sys8 = randomSystem(8, 7);
  const x0 = new Array<number>(8).fill(0);
  const nmc = milexSeries(['USA', 'RUS', 'CHN'], 1990, 2016, milexFromWorldInputs(loadWorldInputs()));
  const synthetic: number[][] = [];
  let x = sys8.grievance.map((g) => 2 * g);
  const rng = Rng.fromSeed(11);
  for (let t = 0; t < 40; t++) {
    synthetic.push(x);
    x = richardsonStep(sys8, x, 1).map((v) => v + 0.01 * rng.normal());
  }
  const years = synthetic.map((_, t) => 1980 + t);

  bench
    .add('arms simulate N=8, 20 years (DOPRI5, yearly output, 1 threshold)', () => {
      simulateRichardson(sys8, x0, {
        horizonYears: 20,
        thresholds: [{ actor: 'A0', level: 0.5, direction: 'rising', stop: false }],
      });
    })
    .add('arms closed form N=8 at t=20 (matrix exponential)', () => {
      richardsonClosedForm(sys8, x0, 20);
    })
    .add('arms stability + equilibrium N=8', () => {
      richardsonStability(sys8);
      richardsonEquilibrium(sys8);
    })
    .add('arms fit USA,RUS,CHN 1990–2016 (COW NMC, series preloaded)', () => {
      fitRichardson(nmc);
    })
    .add('arms fit N=8, 40 years (synthetic)', () => {
      fitRichardson({ actors: sys8.actors, years, values: synthetic });
    });
}
