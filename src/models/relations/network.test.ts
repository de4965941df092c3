import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError, type Problem } from '../../core/errors.js';
import { whatIfSync } from './balance.js';
import { clusterPartition } from './clustering.js';
import { balanceDynamicsEnsemble } from './dynamics.js';
import { pairPlacement } from './frustration.js';
import { inducedSubnetwork, signedNetwork, withRelation } from './network.js';
import { ENUMERATION_MAX_NODES, enumerateBestPartition } from './partition.js';
import { strategicTriangle } from './strategic-triangle.js';

/** USA, CHN, RUS, GBR with five relations (illustrative scores). */
const net = signedNetwork(
  ['USA', 'CHN', 'RUS', 'GBR'],
  [
    { from: 'USA', to: 'CHN', weight: -0.3, kind: 'rivalry' },
    { from: 'USA', to: 'RUS', weight: -0.5, kind: 'rivalry' },
    { from: 'CHN', to: 'RUS', weight: 0.6, kind: 'partnership' },
    { from: 'USA', to: 'GBR', weight: 1, kind: 'alliance' },
    { from: 'GBR', to: 'RUS', weight: -0.4 },
  ],
);

function problemsOf(f: () => unknown): readonly Problem[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConcertError);
    expect((e as ConcertError).code).toBe('bad-input');
    return (e as ConcertError).problems;
  }
  throw new Error('expected a bad-input error');
}

describe('inducedSubnetwork', () => {
  it('keeps the listed nodes in the listed order and the edges among them with weight and kind', () => {
    const sub = inducedSubnetwork(net, ['RUS', 'USA', 'CHN']);
    expect(sub.nodes).toEqual(['RUS', 'USA', 'CHN']);
    const named = sub.edges.map((e) => [sub.nodes[e.a], sub.nodes[e.b], e.weight, e.kind]);
    expect(named).toEqual([
      ['USA', 'CHN', -0.3, 'rivalry'],
      ['RUS', 'USA', -0.5, 'rivalry'],
      ['RUS', 'CHN', 0.6, 'partnership'],
    ]);
    expect(sub.edges.every((e) => e.a < e.b)).toBe(true);
  });

  it('reports every unknown and repeated id at its index', () => {
    expect(problemsOf(() => inducedSubnetwork(net, ['USA', 'XXX', 'USA', 'YYY']))).toEqual([
      { path: [1], message: 'unknown actor "XXX": expected one of USA, CHN, RUS, GBR' },
      { path: [2], message: 'actor "USA" is listed twice' },
      { path: [3], message: 'unknown actor "YYY": expected one of USA, CHN, RUS, GBR' },
    ]);
  });

  it('lists at most twelve valid ids and the count', () => {
    const big = signedNetwork(
      Array.from({ length: 20 }, (_, i) => `N${i}`),
      [],
    );
    expect(problemsOf(() => inducedSubnetwork(big, ['Z']))[0]?.message).toBe(
      'unknown actor "Z": expected one of N0, N1, N2, N3, N4, N5, N6, N7, N8, N9, N10, N11, … (20 actors)',
    );
  });

  it('property: the induced network of any subset has exactly the edges among it', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...net.nodes]), (ids) => {
        const sub = inducedSubnetwork(net, ids);
        const inside = net.edges.filter(
          (e) => ids.includes(net.nodes[e.a]!) && ids.includes(net.nodes[e.b]!),
        );
        expect(sub.edges.map((e) => e.weight).sort()).toEqual(inside.map((e) => e.weight).sort());
      }),
    );
  });
});

describe('withRelation', () => {
  it('sets, adds and removes one relation', () => {
    const set = withRelation(net, 'RUS', 'USA', 0.6);
    expect(set.edges.find((e) => e.a === 0 && e.b === 2)?.weight).toBe(0.6);
    expect(withRelation(net, 'CHN', 'GBR', -1).edges).toHaveLength(6);
    expect(withRelation(net, 'USA', 'CHN', 0).edges).toHaveLength(4);
  });

  it('refuses unknown ids, a self-relation and a weight outside [-1, 1], at the parameter', () => {
    expect(problemsOf(() => withRelation(net, 'USA', 'XXX', 0.5))).toEqual([
      { path: ['to'], message: 'unknown actor "XXX": expected one of USA, CHN, RUS, GBR' },
    ]);
    expect(problemsOf(() => withRelation(net, 'USA', 'USA', 0.5)).map((p) => p.path)).toEqual([['to']]);
    expect(problemsOf(() => withRelation(net, 'XXX', 'USA', 1.5)).map((p) => p.path)).toEqual([
      ['from'],
      ['weight'],
    ]);
    expect(problemsOf(() => withRelation(net, 'USA', 'RUS', Number.NaN)).map((p) => p.path)).toEqual([
      ['weight'],
    ]);
  });

  it('whatIf locates its problems inside the change', () => {
    expect(problemsOf(() => whatIfSync(net, { a: 'USA', b: 'XXX', score: 2 })).map((p) => p.path)).toEqual([
      ['change', 'b'],
      ['change', 'score'],
    ]);
  });
});

describe('pairPlacement', () => {
  it('refuses an unknown actor or a pair of one actor', async () => {
    await expect(pairPlacement(net, 'USA', 'XXX')).rejects.toMatchObject({
      code: 'bad-input',
      problems: [{ path: ['b'], message: 'unknown actor "XXX": expected one of USA, CHN, RUS, GBR' }],
    });
    await expect(pairPlacement(net, 'RUS', 'RUS')).rejects.toMatchObject({
      code: 'bad-input',
      problems: [{ path: ['b'] }],
    });
  });
});

describe('the other entry points check what users give them', () => {
  it('strategicTriangle names the argument of an unknown or repeated actor', () => {
    expect(problemsOf(() => strategicTriangle(net, 'USA', 'XXX', 'USA'))).toEqual([
      { path: ['b'], message: 'unknown actor "XXX": expected one of USA, CHN, RUS, GBR' },
      { path: ['c'], message: '"USA" is given twice: expected three different actors' },
    ]);
    expect(strategicTriangle(net, 'USA', 'CHN', 'RUS').configuration).toBe('stable-marriage');
  });

  it('clusterPartition and balanceDynamicsEnsemble check their numbers', () => {
    expect(problemsOf(() => clusterPartition(net, 0, { alpha: 2 })).map((p) => p.path)).toEqual([
      ['k'],
      ['alpha'],
    ]);
    expect(
      problemsOf(() => balanceDynamicsEnsemble(net, { model: 'triad', runs: 0, seed: 0.5, noiseSd: -1 })).map(
        (p) => p.path,
      ),
    ).toEqual([['runs'], ['seed'], ['noiseSd']]);
  });

  it('exhaustive enumeration refuses a network beyond its limit', () => {
    const big = signedNetwork(
      Array.from({ length: ENUMERATION_MAX_NODES + 1 }, (_, i) => `N${i}`),
      [],
    );
    expect(problemsOf(() => enumerateBestPartition(big, [])).map((p) => p.path)).toEqual([['net']]);
  });
});
