import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/schema.js';
import { whatIf, whatIfSync } from './balance.js';
import { balanceDynamicsEnsemble, continuousBalance, triadDynamicsRun } from './dynamics.js';
import { frustrationIndexSync } from './frustration.js';
import { networkFromWorld, signedNetwork } from './network.js';
import { classifyTriangle, strategicTriangle } from './strategic-triangle.js';

/** A small illustrative world (scores are test inputs, not data). */
function world(relations: World['relations']): World {
  const actor = (name: string) => ({ name, cowMajor: true, unscPermanent: true });
  return {
    year: 2017,
    actors: { USA: actor('United States'), CHN: actor('China'), RUS: actor('Russia'), GBR: actor('UK') },
    relations,
  };
}

const w2017 = world([
  { a: 'USA', b: 'CHN', score: -0.3, kind: 'rivalry' },
  { a: 'USA', b: 'RUS', score: -0.5, kind: 'rivalry' },
  { a: 'CHN', b: 'RUS', score: 0.6, kind: 'partnership' },
  { a: 'USA', b: 'GBR', score: 1, kind: 'alliance' },
  { a: 'GBR', b: 'RUS', score: -0.4, kind: 'rivalry' },
]);

describe('networkFromWorld', () => {
  it('keeps every actor as a node and every scored relation as a weighted edge with its kind', () => {
    const net = networkFromWorld(w2017);
    expect(net.nodes).toEqual(['USA', 'CHN', 'RUS', 'GBR']);
    expect(net.edges).toHaveLength(5);
    expect(net.edges.find((e) => e.kind === 'partnership')?.weight).toBe(0.6);
  });

  it('drops neutral relations (score 0 has no sign)', () => {
    const net = networkFromWorld(world([{ a: 'USA', b: 'CHN', score: 0, kind: 'neutral' }]));
    expect(net.edges).toHaveLength(0);
  });
});

describe('strategic triangles (Dittmer 1981 patterns)', () => {
  const net = networkFromWorld(w2017);

  it('USA–CHN–RUS with a China–Russia partnership is a stable marriage that isolates the USA', () => {
    const t = strategicTriangle(net, 'USA', 'CHN', 'RUS');
    expect(t.configuration).toBe('stable-marriage');
    expect(t.balanced).toBe(true);
    expect(t.signs).toEqual([-1, -1, 1]);
    expect(t.roles).toEqual([
      { id: 'USA', role: 'isolated' },
      { id: 'CHN', role: 'partner' },
      { id: 'RUS', role: 'partner' },
    ]);
  });

  it('a pivot courted by two hostile suitors is a romantic triangle and unbalanced', () => {
    const t = classifyTriangle(['USA', 'CHN', 'RUS'], [0.4, 0.3, -0.8]);
    expect(t.configuration).toBe('romantic-triangle');
    expect(t.balanced).toBe(false);
    expect(t.roles.map((r) => r.role)).toEqual(['pivot', 'suitor', 'suitor']);
    expect(t.pivot).toBe('USA');
  });

  it('all friendly is a ménage à trois; all hostile isolates everyone; a neutral pair leaves it open', () => {
    expect(classifyTriangle(['A', 'B', 'C'], [1, 1, 1]).configuration).toBe('menage-a-trois');
    const hostile = classifyTriangle(['A', 'B', 'C'], [-1, -1, -1]);
    expect(hostile.configuration).toBe('all-hostile');
    expect(hostile.balanced).toBe(false);
    expect(hostile.roles.every((r) => r.role === 'isolated')).toBe(true);
    const open = classifyTriangle(['A', 'B', 'C'], [0.5, 0.5, 0]);
    expect(open.configuration).toBe('open');
    expect(open.balanced).toBeNull();
    expect(open.roles[0]?.role).toBe('pivot');
  });

  it('the Kissinger pivot is closer to both others than they are to each other', () => {
    expect(classifyTriangle(['USA', 'CHN', 'RUS'], [0.2, 0.1, -0.9]).pivot).toBe('USA');
    expect(classifyTriangle(['USA', 'CHN', 'RUS'], [-0.3, -0.5, 0.6]).pivot).toBe('CHN');
  });
});

describe('what-if', () => {
  const net = networkFromWorld(w2017);

  it('a US–Russia alignment unbalances USA–CHN–RUS and USA–GBR–RUS and raises frustration', async () => {
    const r = await whatIf(net, { a: 'USA', b: 'RUS', score: 0.6 });
    expect(r.change).toEqual({ a: 'USA', b: 'RUS', before: -0.5, after: 0.6 });
    expect(r.before.frustration.index).toBe(0);
    expect(r.after.frustration.index).toBe(1);
    expect(r.after.frustration.frustratedEdges).toEqual([['USA', 'RUS']]);
    expect(r.delta.frustrationIndex).toBe(1);
    expect(r.newlyUnbalanced.map((t) => t.actors[2]).sort()).toEqual(['CHN', 'GBR']);
    expect(r.delta.triangleRatio).toBe(-1);
    expect(whatIfSync(net, { a: 'USA', b: 'RUS', score: 0.6 }).after.frustration.index).toBe(1);
  });

  it('reports actors left without any friendly relation', () => {
    const r = whatIfSync(net, { a: 'USA', b: 'GBR', score: -0.2 });
    expect([...r.newlyIsolated].sort()).toEqual(['GBR', 'USA']);
    expect(r.isolatedInTriangles.some((x) => x.id === 'GBR')).toBe(true);
  });
});

describe('balance dynamics', () => {
  const n = 12;
  const complete = (rng: Rng) => {
    const edges = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++)
        edges.push({ from: `N${i}`, to: `N${j}`, weight: rng.bernoulli(0.5) ? 1 : -1 });
    }
    return signedNetwork([], edges);
  };

  it('constrained triad dynamics reaches a balanced state on a complete graph, reproducibly', () => {
    const net = complete(Rng.fromSeed(3));
    const a = triadDynamicsRun(net, Rng.fromSeed(11));
    const b = triadDynamicsRun(net, Rng.fromSeed(11));
    expect(a.balanced).toBe(true);
    expect([...a.signs]).toEqual([...b.signs]);
    const final = { nodes: net.nodes, edges: net.edges.map((e, k) => ({ ...e, weight: a.signs[k]! })) };
    expect(frustrationIndexSync(final).index).toBe(0);
  });

  it('dX/dt = X²: the closed form splits a two-bloc matrix into its blocs at t* = 1/λmax', () => {
    const x0 = new Matrix([
      [0, 0.8, -0.5, -0.6],
      [0.8, 0, -0.4, -0.7],
      [-0.5, -0.4, 0, 0.9],
      [-0.6, -0.7, 0.9, 0],
    ]);
    const r = continuousBalance(['A', 'B', 'C', 'D'], x0);
    const lmax = Math.max(...new EigenvalueDecomposition(x0, { assumeSymmetric: true }).realEigenvalues);
    expect(r.factions).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(r.blowUpTime).toBeCloseTo(1 / lmax, 12);
    expect(r.timeToBalance).toBe(0);
  });

  it('ensembles are reproducible from the seed and summarise shares', () => {
    const net = networkFromWorld(w2017);
    for (const model of ['triad', 'continuous'] as const) {
      const a = balanceDynamicsEnsemble(net, { model, runs: 20, seed: 5 });
      const b = balanceDynamicsEnsemble(net, { model, runs: 20, seed: 5 });
      expect(a).toEqual(b);
      expect(a.balancedShare).toBeGreaterThan(0);
      expect(a.outcomes.reduce((s, o) => s + o.share, 0)).toBeCloseTo(a.balancedShare, 12);
    }
  });
});
