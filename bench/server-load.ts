/**
 * Load test of the HTTP API (docs/performance.md, "HTTP API"): starts the
 * server on 127.0.0.1 on an ephemeral port, sends a fixed number of requests
 * with autocannon at a fixed concurrency to the powers and the deterrence
 * endpoints, prints autocannon's table for each, checks that no request
 * failed, and stops the server. Loopback only; bounded by request count.
 *
 *   npx tsx bench/server-load.ts [--amount 10000] [--connections 50]
 *
 * The deterrence requests cycle through 50 interceptor counts (as a slider
 * would); repeated inputs are answered from the server's cache, as in use.
 */
import autocannon from 'autocannon';
import { buildServer } from '../src/server/index.js';
import { wholeOption } from './options.js';

const amount = wholeOption('amount', 10_000);
const connections = wholeOption('connections', 50);

interface Target {
  readonly title: string;
  readonly options: Partial<autocannon.Options>;
}

const targets: Target[] = [
  {
    title: 'GET /api/powers?year=2016&top=20',
    options: { requests: [{ method: 'GET', path: '/api/powers?year=2016&top=20' }] },
  },
  {
    title: 'POST /api/deterrence (USA–CHN, 50 interceptor values)',
    options: {
      requests: [
        {
          method: 'POST',
          path: '/api/deterrence',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            const n = Math.floor(Math.random() * 50) * 20;
            return {
              ...req,
              body: JSON.stringify({
                pair: ['USA', 'CHN'],
                overrides: { 'defenses.USA.GMD.interceptors': n },
              }),
            };
          },
        },
      ],
    },
  },
];

const app = await buildServer({ storePath: ':memory:', webRoot: null });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
let failed = false;
try {
  for (const t of targets) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      amount,
      timeout: 30,
      ...t.options,
    });
    process.stdout.write(`\n${t.title}: ${amount} requests, ${connections} connections\n`);
    process.stdout.write(autocannon.printResult(result));
    const bad = result.errors + result.timeouts + result.non2xx;
    process.stdout.write(
      `requests ${result.requests.total}, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${result.requests.average} req/s\n`,
    );
    if (bad > 0) failed = true;
  }
} finally {
  await app.close();
}
if (failed) {
  process.stderr.write('load test: some requests failed\n');
  process.exitCode = 1;
}
