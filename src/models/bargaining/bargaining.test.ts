/**
 * The pieces of the Spatial Model of Politics, one statement each: votes,
 * victory probabilities, elections, utilities and risk, the weighted median,
 * tension, concessions, consultation and the readers' forms.
 */
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import {
  analyseState,
  bargainingTension,
  compileBargaining,
  concede,
  consult,
  estimatedRisk,
  parseBargaining,
  pce,
  riskFromProbabilities,
  runBargaining,
  spatialUtility,
  tensionMatrix,
  victoryProbability,
  vote,
  weightedDistance,
  weightedMedian,
} from './index.js';

const YAML = `title: three
dimensions: [a, b]
actors:
  - {id: A, capability: 100, position: [20, 80], salience: [40, 50]}
  - {id: B, capability: 60, position: [70, 30], salience: [60, 30]}
  - {id: C, capability: 40, position: [50, 50], salience: [30, 30]}
`;

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isConcertError(e)) return e.problems;
    throw e;
  }
  return [];
}

describe('votes', () => {
  it('Prop is weight × utility difference; PropCbc mixes in the cube; Cubic is the cube', () => {
    expect(vote('Prop', 2, 0.9, 0.6)).toBeCloseTo(0.6, 12);
    expect(vote('PropCbc', 2, 0.9, 0.6)).toBeCloseTo(2 * (0.15 + 0.5 * 0.027), 12);
    expect(vote('Cubic', 2, 0.9, 0.6)).toBeCloseTo(2 * 0.027, 12);
  });
  it('Binary saturates beyond a 1e-8 difference; PropBin adds a fifth of it', () => {
    expect(vote('Binary', 3, 0.5, 0.4)).toBe(3);
    expect(vote('Binary', 3, 0.4, 0.5)).toBe(-3);
    expect(vote('Binary', 1, 0.5 + 5e-9, 0.5)).toBeCloseTo(0.5, 6);
    expect(vote('PropBin', 1, 0.6, 0.5)).toBeCloseTo(0.8 * 0.1 + 0.2, 12);
  });
  it('ASymProsp weighs a gain two thirds as much as a loss', () => {
    expect(vote('ASymProsp', 3, 0.6, 0.5)).toBeCloseTo(0.2, 12);
    expect(vote('ASymProsp', 3, 0.5, 0.6)).toBeCloseTo(-0.3, 12);
  });
});

describe('victory probability', () => {
  it('a 2:1 coalition wins with 2/3, 4/5, 16/17 and 256/257 under Linear, Square, Quartic, Octic', () => {
    expect(victoryProbability('Linear', 2, 1)).toBeCloseTo(2 / 3, 12);
    expect(victoryProbability('Square', 2, 1)).toBeCloseTo(4 / 5, 12);
    expect(victoryProbability('Quartic', 2, 1)).toBeCloseTo(16 / 17, 12);
    expect(victoryProbability('Octic', 2, 1)).toBeCloseTo(256 / 257, 12);
  });
  it('Binary is (almost) certain from a 10% advantage and linear in between', () => {
    expect(victoryProbability('Binary', 1.1, 1)).toBeCloseTo(1 / (1 + 1e-6), 12);
    expect(victoryProbability('Binary', 1, 1.1)).toBeCloseTo(1e-6 / (1 + 1e-6), 12);
    expect(victoryProbability('Binary', 1, 1)).toBeCloseTo(0.5, 12);
    expect(victoryProbability('Binary', 1.05, 1)).toBeCloseTo(((1.05 / 2.05) * 2.1 - 1) / 0.1, 12);
  });
});

describe('probabilistic Condorcet election', () => {
  const c = Float64Array.from([1e-8, 3, 1, 1, 1e-8, 2, 2, 1, 1e-8]);
  it('every PCE model gives a distribution that favours the option with the strongest coalitions', () => {
    for (const model of ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const) {
      const p = pce(model, 'Linear', c, 3);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
      expect(p[0]).toBeGreaterThan(p[1]!);
    }
  });
  it('Conditional with two options is the victory probability itself', () => {
    const p = pce('Conditional', 'Linear', Float64Array.from([1e-8, 3, 1, 1e-8]), 2);
    expect(p[0]).toBeCloseTo(3 / 4, 6);
  });
});

describe('utility and risk', () => {
  it('salience-weighted distance: √(Σ s²(ι − x)² / Σ s²)', () => {
    expect(weightedDistance([0.3, 0.2], 0, [0.24, 0.48], 0, [0.45, 0.65], 0, 2)).toBeCloseTo(
      Math.sqrt((0.24 ** 2 * 0.15 ** 2 + 0.48 ** 2 * 0.45 ** 2) / (0.24 ** 2 + 0.48 ** 2)),
      12,
    );
  });
  it('risk aversion raises the utility of a middling distance; risk neutral is 1 − d', () => {
    expect(spatialUtility(0.5, 0)).toBe(0.5);
    expect(spatialUtility(0.5, 1)).toBe(0.75);
    expect(spatialUtility(0.5, -0.5)).toBe(0.375);
  });
  it('Mid maps the most probable position to +1 and the least to −1/2; equal probabilities to 0', () => {
    expect(Array.from(riskFromProbabilities([0.5, 0.3, 0.2], 'Mid'))).toEqual(
      [1, 0, -0.5].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(riskFromProbabilities([0.5, 0.3, 0.2], 'Min'))).toEqual(
      [1, 1 / 3, 0].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(riskFromProbabilities([0.5, 0.3, 0.2], 'Max'))).toEqual(
      [1, -1 / 3, -1].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(riskFromProbabilities([0.25, 0.25, 0.25, 0.25], 'Mid'))).toEqual([0, 0, 0, 0]);
  });
  it('each actor estimates another’s attitude between its own and the other’s', () => {
    expect(estimatedRisk(1, -0.5, 'None')).toBe(1);
    expect(estimatedRisk(1, -0.5, 'OneThird')).toBeCloseTo(0.5, 12);
    expect(estimatedRisk(1, -0.5, 'Half')).toBeCloseTo(0.25, 12);
    expect(estimatedRisk(1, -0.5, 'TwoThirds')).toBeCloseTo(0, 12);
    expect(estimatedRisk(1, -0.5, 'Full')).toBe(-0.5);
  });
});

describe('weighted median (Bueno de Mesquita)', () => {
  it('is the position where half the weight is reached, the midpoint on an exact tie', () => {
    expect(weightedMedian([10, 50, 90], [1, 1, 3])).toBe(90);
    expect(weightedMedian([90, 10, 50], [1, 1, 1])).toBe(50);
    expect(weightedMedian([10, 50], [1, 1])).toBe(30);
  });
});

describe('tension, concessions and consultation', () => {
  const { model, state } = compileBargaining(parseBargaining(YAML, 'three.yaml'));
  it('tension is symmetric, weights each gap by √(s_a s_b), and vanishes for equal positions', () => {
    const ab = bargainingTension(model, state, 0, 1);
    expect(ab).toEqual(bargainingTension(model, state, 1, 0));
    const w = [Math.sqrt(0.4 * 0.6), Math.sqrt(0.5 * 0.3)];
    expect(ab.tension).toBeCloseTo(w[0]! * 0.5 + w[1]! * 0.5, 12);
    expect(ab.stake).toBeCloseTo(w[0]! + w[1]!, 12);
    const same = { positions: Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), ideals: state.ideals };
    expect(Array.from(tensionMatrix(model, same))).toEqual(new Array(9).fill(0));
  });
  it('a concession moves the position and the ideal, or lowers a salience, without touching the inputs', () => {
    const after = concede(model, state, { actor: 1, dimension: 0, position: 0.3, salience: 0.2 });
    expect(after.state.positions[2]).toBe(0.3);
    expect(after.state.ideals[2]).toBe(0.3);
    expect(after.model.salience[2]).toBe(0.2);
    expect(state.positions[2]).toBe(0.7);
    expect(model.salience[2]).toBe(0.6);
    expect(bargainingTension(after.model, after.state, 0, 1).tension).toBeLessThan(
      bargainingTension(model, state, 0, 1).tension,
    );
  });
  it('consultation makes two actors estimate each other’s risk attitude exactly; the other pairs keep OneThird', () => {
    const informed = consult(model, 0, 1);
    const a = analyseState(informed, state);
    const n = 3;
    for (let j = 0; j < n; j++) {
      expect(a.estimates[0 * n * n + 1 * n + j]).toBeCloseTo(a.utilities[1 * n + j]!, 12);
      expect(a.estimates[1 * n * n + 0 * n + j]).toBeCloseTo(a.utilities[0 * n + j]!, 12);
    }
    const base = analyseState(model, state);
    expect(a.estimates[2 * n * n + 0 * n + 1]).toBeCloseTo(base.estimates[2 * n * n + 0 * n + 1]!, 12);
    expect(a.estimates[0 * n * n + 1 * n + 0]).not.toBeCloseTo(base.estimates[0 * n * n + 1 * n + 0]!, 6);
  });
});

describe('voluntary acceptance', () => {
  it('an actor never adopts a bargain it values below its status quo', () => {
    const p = parseBargaining(`${YAML}options: {acceptance: Voluntary}\n`, 'v.yaml');
    const { model, state } = compileBargaining(p);
    const h = runBargaining(model, state, { maxTurns: 10 });
    for (const t of h.turns) {
      for (const r of t.resolutions) {
        const nb = r.queue.length;
        expect(r.utilities[r.actor * nb + r.chosen]).toBeGreaterThanOrEqual(r.utilities[r.actor * nb]!);
      }
    }
  });
});

describe('readers', () => {
  it('stances keyed by dimension give the same problem as arrays, with ranges and bases kept', () => {
    const stances = parseBargaining(
      `dimensions: [{id: a, low: no, high: yes}, b]
actors:
  - {id: A, capability: 100, stances: {a: {position: 20, positionRange: [10, 30], salience: 40, basis: x}, b: {position: 80, salience: 50}}}
  - {id: B, capability: 60, position: [70, 30], salience: [60, 30]}
  - {id: C, capability: 40, position: [50, 50], salience: [30, 30]}
`,
      's.yaml',
    );
    const arrays = parseBargaining(YAML, 'three.yaml');
    expect(stances.actors[0]).toMatchObject({
      position: [20, 80],
      salience: [40, 50],
      positionRange: [[10, 30], null],
      basis: ['x', null],
    });
    expect(stances.actors.slice(1)).toEqual(arrays.actors.slice(1));
    expect(stances.dimensions[0]).toEqual({ id: 'a', name: 'a', low: 'no', high: 'yes' });
  });
  it('a stance missing a dimension, a range that excludes its value, and an unknown dimension are located', () => {
    const problems = problemsOf(() =>
      parseBargaining(
        `dimensions: [a, b]
actors:
  - {id: A, capability: 1, stances: {a: {position: 20, positionRange: [30, 40], salience: 40}, c: {position: 1, salience: 1}}}
  - {id: B, capability: 1, position: [70, 30], salience: [60, 30]}
  - {id: B, capability: 1, position: [50], salience: [30, 30]}
`,
        'bad.yaml',
      ),
    );
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual(
      expect.arrayContaining([
        [3, ['actors', 0, 'stances', 'c'], expect.stringContaining('unknown dimension "c"')],
        [3, ['actors', 0, 'stances'], 'no stance on dimension "b"'],
        [
          3,
          ['actors', 0, 'stances', 'a', 'positionRange'],
          'the range [30, 40] must contain the position 20',
        ],
        [5, ['actors', 2, 'id'], 'duplicate actor "B" (also at actors[1])'],
        [5, ['actors', 2, 'position'], 'expected 2 positions (one per dimension); got 1'],
      ]),
    );
  });
  it('KTAB CSV: a title line that miscounts the actors is located at the line after the last actor', () => {
    const csv = 'T,d,4,1,\nActor,Desc,Power,P,S,\nA,a,1,10,50,\nB,b,1,20,50,\nC,c,1,30,50,\n';
    const problems = problemsOf(() => parseBargaining(csv, 'k.csv'));
    expect(problems).toEqual([
      {
        file: 'k.csv',
        line: 5,
        column: 1,
        message: 'the title line says 4 actors; the file has 3 actor lines',
      },
    ]);
  });
  it('KTAB XML: accommodation toward an unknown actor and rates summing over 1 are located', () => {
    const actors = ['A', 'B', 'C']
      .map(
        (id) =>
          `<Actor><name>${id}</name><description>x</description><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>`,
      )
      .join('\n');
    const xml = `<Scenario><Dimensions><dName>a</dName></Dimensions>\n<Actors>\n${actors}\n</Actors>
<IdealAdjustment>
<iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>Zed</referencePos><adjust>0.5</adjust></iaPair>
<iaPair><adjustingIdeal>B</adjustingIdeal><referencePos>B</referencePos><adjust>0.7</adjust></iaPair>
<iaPair><adjustingIdeal>B</adjustingIdeal><referencePos>A</referencePos><adjust>0.5</adjust></iaPair>
</IdealAdjustment></Scenario>`;
    const problems = problemsOf(() => parseBargaining(xml, 'a.xml'));
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [8, ['accommodation', 0, 'toward']],
      [10, ['accommodation', 2, 'rate']],
    ]);
  });
});
