/**
 * models/relations: the frustration index.
 *
 * Light tasks (the runner's Bench): great-power-sized networks (8–20 nodes)
 * by enumeration and by HiGHS, which sets DEFAULT_ENUMERATION_NODES, and a
 * full balance report of an 8-actor system (the scenario engine's per-year
 * call).
 *
 * Heavy tasks (seconds per call) run in a second Bench limited to 3
 * iterations, since the runner's default of ≥ 64 iterations per task would
 * take many minutes: local search on a 10,000-node, 100,000-edge network and
 * the exact index of all Doreian–Mrvar windows 1946–1999. Exact solves that
 * take tens of seconds (a random 50-node, 300-edge network) are timed once,
 * per case, in a last table that also gives the local-search value and its
 * gap to the exact value.
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  balanceReportSync,
  frustrationIndex,
  frustrationIndexSync,
  type SignedNetwork,
  signedNetwork,
} from '../src/models/relations/index.js';
import { parseSignedEdgeListWindows } from '../src/world/edges.js';

/** G(n, m)-style random signed network: m distinct pairs, each negative with probability `negative`. */
function randomSigned(n: number, m: number, negative: number, seed: number): SignedNetwork {
  const rng = Rng.fromSeed(seed);
  const seen = new Set<number>();
  const edges: { from: string; to: string; weight: number }[] = [];
  while (edges.length < m) {
    const a = rng.int(0, n - 1);
    const b = rng.int(0, n - 1);
    if (a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ from: `N${a}`, to: `N${b}`, weight: rng.bernoulli(negative) ? -1 : 1 });
  }
  return signedNetwork(
    Array.from({ length: n }, (_, i) => `N${i}`),
    edges,
  );
}

function dense(n: number, seed: number): SignedNetwork {
  return randomSigned(n, Math.round((n * (n - 1)) / 4), 0.5, seed);
}

export default async function relationsBench(bench: Bench): Promise<void> {
  for (const n of [8, 12, 16, 18, 20]) {
    const net = dense(n, n);
    bench.add(`frustration n=${n} m=${net.edges.length}: enumeration`, () => {
      frustrationIndexSync(net, { enumerationMaxNodes: 30 });
    });
    bench.add(`frustration n=${n} m=${net.edges.length}: HiGHS`, async () => {
      await frustrationIndex(net, { enumerationMaxNodes: 2 });
    });
  }
  const eight = randomSigned(8, 20, 0.3, 8);
  bench.add('balance report, 8 actors (sync)', () => {
    balanceReportSync(eight);
  });

  const heavy = new Bench({ time: 0, iterations: 3, warmup: false });
  const big = randomSigned(10_000, 100_000, 0.3, 10);
  heavy.add('heuristic frustration, n=10,000 m=100,000 (30% negative)', () => {
    frustrationIndexSync(big, { method: 'heuristic' });
  });
  const text = readFileSync(
    new URL('../data/signed_doreian_mrvar_international_1946_1999_edges.csv', import.meta.url),
    'utf8',
  );
  const windows = parseSignedEdgeListWindows(
    text,
    'signed_doreian_mrvar_international_1946_1999_edges.csv',
  ).map((w) => ({ window: w.window, net: signedNetwork(w.nodes, w.edges) }));
  heavy.add('exact frustration, all 51 Doreian–Mrvar windows in sequence', async () => {
    for (const w of windows) await frustrationIndex(w.net, { timeLimitS: 60 });
  });
  await heavy.run();
  console.log('\n# relations.bench.ts (heavy tasks, 3 iterations each)');
  console.table(heavy.table());

  // One exact solve per case (each takes up to tens of seconds), timed directly, beside local search.
  const rows: Record<string, string | number>[] = [];
  const cases: { name: string; net: SignedNetwork }[] = [
    { name: 'random n=50 m=300 (50% negative)', net: randomSigned(50, 300, 0.5, 50) },
    ...[30, 40].map((n) => ({
      name: `random n=${n} m=${3 * n} (50% negative)`,
      net: randomSigned(n, 3 * n, 0.5, n),
    })),
    ...windows.map((w) => ({
      name: `Doreian–Mrvar ${w.window} (n=${w.net.nodes.length}, m=${w.net.edges.length})`,
      net: w.net,
    })),
  ];
  for (const c of cases) {
    const t0 = performance.now();
    const exact = await frustrationIndex(c.net, { timeLimitS: 600 });
    const exactMs = performance.now() - t0;
    const t1 = performance.now();
    const heuristic = frustrationIndexSync(c.net, { method: 'heuristic' });
    const heuristicMs = performance.now() - t1;
    rows.push({
      case: c.name,
      exact: exact.index,
      proven: exact.exact ? 'yes' : `no (bound ${exact.lowerBound})`,
      'exact ms': Math.round(exactMs),
      heuristic: heuristic.index,
      'heuristic ms': Math.round(heuristicMs),
      gap: heuristic.index - exact.index,
    });
  }
  console.log('\n# relations.bench.ts (exact solve time, and local search vs exact)');
  console.table(rows);
}
