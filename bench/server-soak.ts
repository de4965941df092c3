/**
 * Load and soak of the HTTP API with an ensemble running (issue 21;
 * docs/performance.md, "The API under a soak with an ensemble running").
 * Starts `concert serve` as a child process on 127.0.0.1 (an ephemeral port,
 * a run store in a temporary directory), samples its resident memory (VmRSS
 * of /proc/<pid>/status) every second, starts a long ensemble job
 * (baseline-2017, 100,000 runs: it runs through the whole soak), warms up,
 * then (after `--settle` seconds from the job's start) sends a fixed number
 * of requests with autocannon at a fixed concurrency, cycling through the
 * main routes (GETs and small POSTs). Prints per route the requests, the 2xx
 * answers, the 429 answers (the designed answer when the request threads are
 * busy and 32 computations wait: docs/api.md), failures (network errors,
 * timeouts and any other status) and the p50 / p99 / max latency, then the
 * memory: at start, after the warm-up, peak, and at the end, flat when the
 * end is within +15% of the value after the warm-up. Cancels the job and
 * stops the server with SIGTERM. Exit 1 when a request failed, the job did
 * not run through the soak, or memory grew.
 * Loopback only; bounded by request count.
 *
 *   npx tsx bench/server-soak.ts [--amount 10000] [--connections 50] [--warmup 1000] [--settle 60] [--runs 100000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { wholeOption } from './options.js';

const amount = wholeOption('amount', 10_000);
const connections = wholeOption('connections', 50);
const warmup = wholeOption('warmup', 1_000);
const ensembleRuns = wholeOption('runs', 100_000);
/** Seconds from the ensemble's start before the soak begins (the warm-up). */
const settle = wholeOption('settle', 60);
/** Memory is flat when the end is within this factor of the value after the warm-up. */
const FLAT = 1.15;

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'concert-soak-'));

// The server, as a user starts it.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', `${root}src/cli/bin.ts`, 'serve', '--port', '0', '--store', join(dir, 'runs.db')],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverErr = '';
server.stderr.on('data', (d) => {
  serverErr += String(d);
});
const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += String(d);
    const m = /Concert lab: (http:\/\/127\.0\.0\.1:\d+)\/\n/.exec(out);
    if (m) resolve(m[1]!);
  });
  void exited.then((code) => reject(new Error(`concert serve exited ${code}: ${serverErr}`)));
});

/** The server's resident set in MB, from /proc/<pid>/status. */
function rssMb(): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

type Phase = 'start' | 'warm-up' | 'soak' | 'end';
let phase: Phase = 'start';
const samples: { t: number; phase: Phase; mb: number }[] = [];
const t0 = performance.now();
const sample = () => samples.push({ t: (performance.now() - t0) / 1000, phase, mb: rssMb() });
sample();
const sampler = setInterval(sample, 1_000);

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const r = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as T };
}

interface JobView {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

// The ensemble that runs through the soak.
const started = await api<JobView>('POST', '/api/scenarios/run', {
  scenario: { id: 'baseline-2017' },
  runs: ensembleRuns,
});
if (started.status !== 202) throw new Error(`the ensemble did not start: HTTP ${started.status}`);
const jobId = started.json.id;

const baseline = readFileSync(join(root, 'scenarios/baseline-2017.yaml'), 'utf8');
const prisonersDilemma = {
  players: ['USA', 'CHN'],
  strategies: [
    ['Cooperate', 'Defect'],
    ['Cooperate', 'Defect'],
  ],
  payoffs: [
    [
      [3, 3],
      [0, 5],
    ],
    [
      [5, 0],
      [1, 1],
    ],
  ],
};

interface Route {
  readonly title: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The body of the k-th request of this route (a slider or seed that moves), or none. */
  readonly body?: (k: number) => unknown;
}

const routes: Route[] = [
  { title: 'GET /api/worlds', method: 'GET', path: '/api/worlds' },
  { title: 'GET /api/powers?year=2016&top=20', method: 'GET', path: '/api/powers?year=2016&top=20' },
  {
    title: 'GET /api/triangle USA,CHN,RUS',
    method: 'GET',
    path: '/api/triangle?actors=USA,CHN,RUS&year=2016',
  },
  {
    title: 'GET /api/balance 7 powers, 2016',
    method: 'GET',
    path: '/api/balance?year=2016&actors=USA,RUS,CHN,GBR,FRA,DEU,JPN',
  },
  {
    title: 'POST /api/balance/whatif',
    method: 'POST',
    path: '/api/balance/whatif',
    body: () => ({ actors: ['USA', 'RUS', 'CHN', 'GBR', 'FRA'], change: { a: 'USA', b: 'RUS', score: 0.6 } }),
  },
  {
    title: 'POST /api/deterrence USA–CHN (50 interceptor values)',
    method: 'POST',
    path: '/api/deterrence',
    body: (k) => ({ pair: ['USA', 'CHN'], overrides: { 'defenses.USA.GMD.interceptors': (k % 50) * 20 } }),
  },
  { title: 'GET /api/deterrence/parameters', method: 'GET', path: '/api/deterrence/parameters?pair=USA,CHN' },
  {
    title: 'POST /api/games/equilibria 2×2',
    method: 'POST',
    path: '/api/games/equilibria',
    body: () => ({ game: prisonersDilemma }),
  },
  {
    title: 'POST /api/games/match 20 turns (50 seeds)',
    method: 'POST',
    path: '/api/games/match',
    body: (k) => ({ players: ['Tit For Tat', 'Grudger'], turns: 20, noise: 0.05, seed: 1 + (k % 50) }),
  },
  {
    title: 'POST /api/coalitions/power',
    method: 'POST',
    path: '/api/coalitions/power',
    body: () => ({ game: { players: ['A', 'B', 'C'], weights: [3, 2, 1], quota: 4 } }),
  },
  { title: 'GET /api/coalitions/unsc', method: 'GET', path: '/api/coalitions/unsc' },
  {
    title: 'GET /api/economy/dependence',
    method: 'GET',
    path: '/api/economy/dependence?year=2016&states=USA,CHN,RUS,DEU,JPN',
  },
  { title: 'GET /api/economy/gains', method: 'GET', path: '/api/economy/gains?year=2016' },
  {
    title: 'POST /api/scenarios/validate baseline-2017 text',
    method: 'POST',
    path: '/api/scenarios/validate',
    body: () => ({ text: baseline }),
  },
  { title: 'GET /api/jobs/:id (the running ensemble)', method: 'GET', path: `/api/jobs/${jobId}` },
  { title: 'GET /api/runs', method: 'GET', path: '/api/runs' },
];

/** What autocannon keeps for a connection between building a request and its response. */
interface Sent {
  sent: number;
}

interface RouteStats {
  latencies: number[];
  /** Answers 429 (the server's designed answer when its request threads are all busy and 32 computations wait). */
  busy: number;
  /** Anything else that is not 2xx. */
  failures: number;
  statuses: Map<number, number>;
}

/**
 * autocannon's request list for the routes, each connection cycling through
 * them; each response's latency (from building the request, just before it is
 * sent, to its response) and status are recorded under its route.
 */
function requests(stats: RouteStats[]): autocannon.Request[] {
  let k = 0;
  return routes.map((route, i) => ({
    method: route.method,
    path: route.path,
    ...(route.body ? { headers: { 'content-type': 'application/json' } } : {}),
    setupRequest: (req: autocannon.Request, context: object) => {
      (context as Sent).sent = performance.now();
      return route.body ? { ...req, body: JSON.stringify(route.body(k++)) } : req;
    },
    onResponse: (status: number, _body: string, context: object) => {
      const s = stats[i]!;
      s.latencies.push(performance.now() - (context as Sent).sent);
      s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
      if (status === 429) s.busy++;
      else if (status < 200 || status >= 300) s.failures++;
    },
  }));
}

function newStats(): RouteStats[] {
  return routes.map(() => ({ latencies: [], busy: 0, failures: 0, statuses: new Map() }));
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function load(n: number, stats: RouteStats[]): Promise<autocannon.Result> {
  return autocannon({ url: base, connections, amount: n, timeout: 30, requests: requests(stats) });
}

let failed = false;
const fail = (why: string) => {
  failed = true;
  process.stderr.write(`soak: ${why}\n`);
};

try {
  // Warm-up: the routes once over (the first request of a year builds its world, the request
  // threads start), then the ensemble alone until `settle` seconds from its start, so that its
  // threads have compiled the engine and filled their caches before memory is compared.
  phase = 'warm-up';
  const warm = await load(warmup, newStats());
  while ((performance.now() - t0) / 1000 < settle) await new Promise((r) => setTimeout(r, 250));
  const afterWarmUp = rssMb();
  const jobAtStart = (await api<JobView>('GET', `/api/jobs/${jobId}`)).json;

  phase = 'soak';
  const stats = newStats();
  const soakStart = performance.now();
  const result = await load(amount, stats);
  const soakSeconds = (performance.now() - soakStart) / 1000;
  const end = rssMb();
  phase = 'end';
  const jobAtEnd = (await api<JobView>('GET', `/api/jobs/${jobId}`)).json;

  const trace = (p: Phase) => samples.filter((x) => x.phase === p).map((x) => x.mb);
  const soakSamples = trace('soak');
  const peak = Math.max(afterWarmUp, end, ...soakSamples);
  const flat = end <= FLAT * afterWarmUp;
  const busy = stats.reduce((n, x) => n + x.busy, 0);
  const routeFailures = stats.reduce((n, x) => n + x.failures, 0);
  const failures = routeFailures + result.errors + result.timeouts;

  const out: string[] = [];
  out.push(
    `concert serve on ${base}, pid ${server.pid}; ensemble baseline-2017, ${ensembleRuns} runs (job ${jobId})`,
    `warm-up: ${warmup} requests (${warm.errors + warm.timeouts + warm.non2xx} not 2xx), then the ensemble alone until ${settle} s`,
    `soak: ${result.requests.total} requests at ${connections} connections in ${soakSeconds.toFixed(1)} s (${(result.requests.total / soakSeconds).toFixed(0)} req/s)`,
    '',
    '| route | requests | 2xx | 429 busy | failed | p50 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  routes.forEach((route, i) => {
    const x = stats[i]!;
    const sorted = [...x.latencies].sort((a, b) => a - b);
    const ok = [...x.statuses].filter(([code]) => code >= 200 && code < 300).reduce((n, [, c]) => n + c, 0);
    const other = [...x.statuses].filter(([code]) => (code < 200 || code >= 300) && code !== 429);
    out.push(
      `| ${route.title} | ${x.latencies.length} | ${ok} | ${x.busy} | ${x.failures}${other.length > 0 ? ` (${other.map(([c, n]) => `${n}× ${c}`).join(', ')})` : ''} | ${quantile(sorted, 0.5).toFixed(0)} | ${quantile(sorted, 0.99).toFixed(0)} | ${(sorted.at(-1) ?? Number.NaN).toFixed(0)} |`,
    );
  });
  out.push(
    `| all (autocannon's latency) | ${result.requests.total} | ${result['2xx']} | ${busy} | ${failures} (errors ${result.errors}, timeouts ${result.timeouts}) | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} |`,
    '',
    `ensemble: ${jobAtStart.status} at ${jobAtStart.progress.done} runs stored when the soak began, ${jobAtEnd.status} at ${jobAtEnd.progress.done} when it ended`,
    `server RSS: start ${samples[0]!.mb.toFixed(0)} MB, after the warm-up ${afterWarmUp.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, end ${end.toFixed(0)} MB (${(((end - afterWarmUp) / afterWarmUp) * 100).toFixed(1)}% against after the warm-up): ${flat ? 'flat' : 'GREW'} (end within +${((FLAT - 1) * 100).toFixed(0)}%)`,
    `RSS every second of the warm-up (MB): ${trace('warm-up')
      .map((mb) => mb.toFixed(0))
      .join(' ')}`,
    `RSS every second of the soak (MB): ${soakSamples.map((mb) => mb.toFixed(0)).join(' ')}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);

  if (failures > 0) fail(`${failures} requests failed`);
  if (result.requests.total < amount)
    fail(`only ${result.requests.total} of ${amount} requests were answered`);
  if (jobAtStart.status !== 'running' || jobAtEnd.status !== 'running')
    fail('the ensemble was not running through the whole soak (give more --runs)');
  if (!flat) fail('server memory grew by more than 15% during the soak');
} finally {
  clearInterval(sampler);
  await fetch(`${base}/api/jobs/${jobId}`, { method: 'DELETE' }).catch(() => undefined);
  server.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`concert serve exited ${code} on SIGTERM: ${serverErr}`);
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
