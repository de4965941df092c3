/**
 * Hostile-load benchmark of the HTTP API (issue 23; docs/performance.md,
 * "HTTP API under hostile load"). Starts the server on 127.0.0.1 on an
 * ephemeral port and, for each route's heaviest request that the server
 * still accepts (the budgets of docs/api.md, "Limits, cancellation and
 * security"), sends that request and, while it runs, a fixed number of small
 * GETs (`GET /api/worlds`) with autocannon. Prints, per heavy request, its
 * HTTP status and time and the small GETs' p50 / p99 / max latency, and
 * fails (exit 1) when any small GET fails or the p99 reaches the target.
 * Jobs started by the bench are cancelled before the next row. Loopback
 * only; bounded by request count and by the server's own time limits.
 *
 *   npx tsx bench/server-hostile.ts [--amount 2000] [--connections 10] [--target-ms 200]
 */
import autocannon from 'autocannon';
import { buildServer } from '../src/server/index.js';
import { wholeOption } from './options.js';

const amount = wholeOption('amount', 2_000);
const connections = wholeOption('connections', 10);
const targetMs = wholeOption('target-ms', 200);

/** A deterministic pseudo-random payoff stream (the games must be the same on every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * 100);
  };
}

function bimatrix(rows: number, cols: number, seed: number) {
  const r = lcg(seed);
  return {
    players: ['A', 'B'],
    strategies: [
      Array.from({ length: rows }, (_, i) => `a${i}`),
      Array.from({ length: cols }, (_, j) => `b${j}`),
    ],
    payoffs: Array.from({ length: rows }, () => Array.from({ length: cols }, () => [r(), r()])),
  };
}

/**
 * A scenario text just under the 500,000-character limit made of 35,869 keys
 * (the stall of issue 23: parsed and checked, then refused for its unknown keys).
 */
function largeScenario(): string {
  const lines = ['name: large', 'description: d', 'actors: [USA, CHN]', 'years: 2017..2020'];
  for (let i = 0; lines.join('\n').length < 480_000 && i < 45_000; i++) lines.push(`k${i}: ${i}`);
  return lines.join('\n');
}

interface Heavy {
  readonly title: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

const heavy: Heavy[] = [
  {
    title: 'POST /api/deterrence USA–RUS, 10,000 GMD interceptors and 10,000 SS-18 launchers',
    method: 'POST',
    path: '/api/deterrence',
    body: {
      pair: ['USA', 'RUS'],
      overrides: { 'defenses.USA.GMD.interceptors': 10_000, 'forces.RUS.SS-18.launchers': 10_000 },
    },
  },
  {
    title: 'POST /api/games/equilibria 11×11 vertex enumeration (705,432 candidate supports)',
    method: 'POST',
    path: '/api/games/equilibria',
    body: { game: bimatrix(11, 11, 7), method: 'vertex' },
  },
  {
    title: 'POST /api/games/equilibria 10×10 support enumeration (184,756 candidate supports)',
    method: 'POST',
    path: '/api/games/equilibria',
    body: { game: bimatrix(10, 10, 11), method: 'support' },
  },
  {
    title: 'POST /api/games/classify 11×11 (its equilibria by vertex enumeration)',
    method: 'POST',
    path: '/api/games/classify',
    body: { game: bimatrix(11, 11, 13) },
  },
  {
    title:
      'POST /api/games/tournament 20 strategies, 200 turns, 400 repetitions (84,000 matches, 16.8 million moves)',
    method: 'POST',
    path: '/api/games/tournament',
    body: {
      players: [
        'Cooperator',
        'Defector',
        'Random',
        'Alternator',
        'Grudger',
        'Forgiver',
        'Adaptive',
        'Soft Go By Majority',
        'Hard Go By Majority',
        'Prober',
        'Cycler CCD',
        'Tit For Tat',
        'Tit For 2 Tats',
        'Two Tits For Tat',
        'Suspicious Tit For Tat',
        'Hard Tit For Tat',
        'Gradual',
        'Contrite Tit For Tat',
        'Win-Stay Lose-Shift',
        'GTFT',
      ],
      turns: 200,
      repetitions: 400,
    },
  },
  {
    title: 'GET /api/balance every state of 2016, exact frustration index (time limit 120 s)',
    method: 'GET',
    path: '/api/balance?year=2016&method=exact&timeLimit=120',
  },
  {
    title: 'POST /api/scenarios/validate, 480,000 characters (35,869 keys)',
    method: 'POST',
    path: '/api/scenarios/validate',
    body: { text: largeScenario() },
  },
  {
    title: 'POST /api/scenarios/run baseline-2017, 100,000 runs (a job)',
    method: 'POST',
    path: '/api/scenarios/run',
    body: { scenario: { id: 'baseline-2017' }, runs: 100_000 },
  },
];

const app = await buildServer({ storePath: ':memory:', webRoot: null });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;

interface Row {
  title: string;
  status: number | string;
  heavyMs: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

const rows: Row[] = [];
let failed = false;
try {
  for (const h of heavy) {
    const t0 = performance.now();
    let heavyMs = Number.NaN;
    const heavyDone = fetch(`${base}${h.path}`, {
      method: h.method,
      ...(h.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(h.body) }),
    }).then(
      async (r) => {
        heavyMs = performance.now() - t0;
        const text = await r.text();
        let job: string | undefined;
        try {
          job = (JSON.parse(text) as { id?: string }).id;
        } catch {
          job = undefined;
        }
        return { status: r.status, job };
      },
      (e: unknown) => ({ status: `failed: ${String(e)}`, job: undefined }),
    );
    // Let the heavy request reach the server before the small GETs start.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const small = await autocannon({
      url: base,
      connections,
      amount,
      timeout: 30,
      requests: [{ method: 'GET', path: '/api/worlds' }],
    });
    const outcome = await heavyDone;
    if (outcome.job !== undefined && h.path === '/api/scenarios/run') {
      await fetch(`${base}/api/jobs/${outcome.job}`, { method: 'DELETE' });
    }
    const errors = small.errors + small.timeouts + small.non2xx;
    rows.push({
      title: h.title,
      status: outcome.status,
      heavyMs,
      p50: small.latency.p50,
      p99: small.latency.p99,
      max: small.latency.max,
      errors,
    });
    if (errors > 0 || small.latency.p99 >= targetMs) failed = true;
  }
} finally {
  await app.close();
}

process.stdout.write(
  `\n${amount} × GET /api/worlds at ${connections} connections while each heavy request runs (target p99 < ${targetMs} ms)\n\n`,
);
process.stdout.write(
  '| heavy request | its status | its time | small GETs p50 / p99 / max | failed GETs |\n',
);
process.stdout.write('|---|---|---|---|---|\n');
for (const r of rows) {
  process.stdout.write(
    `| ${r.title} | ${r.status} | ${Number.isNaN(r.heavyMs) ? '—' : `${(r.heavyMs / 1000).toFixed(2)} s`} | ${r.p50} / ${r.p99} / ${r.max} ms | ${r.errors} |\n`,
  );
}
if (failed) {
  process.stderr.write(`hostile load: a small GET failed or the p99 reached ${targetMs} ms\n`);
  process.exitCode = 1;
}
