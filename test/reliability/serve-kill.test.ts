/**
 * `concert serve` killed with SIGKILL in the middle of an ensemble job loses
 * nothing (issue 21, "Faults"): a server restarted on the same run store and
 * given the same job again takes the runs the killed one finished from the
 * store, computes only the missing ones, stores exactly N runs (no duplicate,
 * none lost), and returns the result an uninterrupted `concert run` with the
 * same seed prints, byte for byte.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'concert-serve-kill-'));
const scenarioFile = 'test/scenario/fixtures/resume.yaml';
const TEXT = readFileSync(join(root, scenarioFile), 'utf8');
/** Runs of the job: long enough (tens of seconds on two threads) to be killed part-way. */
const RUNS = 20_000;
/** The job is killed once the server reports at least this many runs stored. */
const KILL_AFTER = 3_000;

const servers: ChildProcess[] = [];
afterAll(() => {
  // A failed assertion must not leave a server running.
  for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `concert serve --port 0 --store <store>` and reads the URL it prints. */
async function startServer(store: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `${root}src/cli/bin.ts`, 'serve', '--port', '0', '--store', store],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  servers.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += String(d);
      const m = /Concert lab: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(({ code }) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, url, exited };
}

interface Job {
  id: string;
  status: string;
  progress: { done: number; total: number };
  result?: unknown;
  error?: unknown;
}

async function submit(url: string, body: unknown): Promise<Job> {
  const r = await fetch(`${url}api/scenarios/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(202);
  return (await r.json()) as Job;
}

async function job(url: string, id: string): Promise<Job> {
  return (await (await fetch(`${url}api/jobs/${id}`)).json()) as Job;
}

/** Polls a job until it has ended (or `until` holds), for at most `ms`. */
async function waitFor(url: string, id: string, until: (j: Job) => boolean, ms: number): Promise<Job> {
  const end = Date.now() + ms;
  let view = await job(url, id);
  while (!until(view) && Date.now() < end) {
    await sleep(100);
    view = await job(url, id);
  }
  return view;
}

/** The `done` of every progress event of a job, read from `GET /api/jobs/:id/events` until `end`. */
async function progressEvents(
  url: string,
  id: string,
): Promise<{ ready: Promise<void>; done: Promise<number[]> }> {
  const response = fetch(`${url}api/jobs/${id}/events`);
  const ready = response.then((r) => {
    expect(r.status).toBe(200);
  });
  const done = response.then(async (r) => {
    const seen: number[] = [];
    let text = '';
    const decoder = new TextDecoder();
    for await (const piece of r.body!) {
      text += decoder.decode(piece as Uint8Array, { stream: true });
      let cut = text.indexOf('\n\n');
      while (cut >= 0) {
        const block = text.slice(0, cut);
        text = text.slice(cut + 2);
        const event = /^event: (\w+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'progress') seen.push((JSON.parse(data!) as { done: number }).done);
        if (event === 'end') return seen;
        cut = text.indexOf('\n\n');
      }
    }
    return seen;
  });
  return { ready, done };
}

/** The stored runs of the store's one ensemble of `scenario`: index → SHA-256 of its values and draws. */
function storedRuns(path: string, ensemble: string): Map<number, string> {
  const store = RunStore.open(path, { readonly: true });
  try {
    const out = new Map<number, string>();
    for (const r of store.iterateRuns(ensemble)) {
      const hash = createHash('sha256');
      hash.update(new Uint8Array(r.values.buffer, r.values.byteOffset, r.values.byteLength));
      hash.update(new Uint8Array(r.draws.buffer, r.draws.byteOffset, r.draws.byteLength));
      out.set(r.run, hash.digest('hex'));
    }
    return out;
  } finally {
    store.close();
  }
}

function ensembles(path: string) {
  const store = RunStore.open(path, { readonly: true });
  try {
    return store.listEnsembles();
  } finally {
    store.close();
  }
}

describe('concert serve killed with SIGKILL during an ensemble job', () => {
  it('resumes on restart: only the missing runs are computed, exactly N are stored, and the result is that of an uninterrupted run', {
    timeout: 480_000,
  }, async () => {
    const path = join(dir, 'serve.db');
    const body = { scenario: { text: TEXT }, runs: RUNS };

    // 1. A server starts the job and is killed part-way.
    const first = await startServer(path);
    const started = await submit(first.url, body);
    const midway = await waitFor(
      first.url,
      started.id,
      (j) => j.progress.done >= KILL_AFTER || j.status === 'done' || j.status === 'failed',
      240_000,
    );
    expect(midway.status).toBe('running');
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const [killed, ...others] = ensembles(path);
    expect(others).toEqual([]);
    const before = storedRuns(path, killed!.id);
    expect(before.size).toBe(killed!.storedRuns);
    expect(before.size).toBeGreaterThan(0);
    expect(before.size).toBeLessThan(RUNS);

    // 2. A new server on the same store is given the same job. A short job of
    // another seed runs first, so the job is still queued when its progress
    // stream opens and every progress event of it is seen.
    const second = await startServer(path);
    const blocker = await submit(second.url, { scenario: { text: TEXT }, runs: 5_000, seed: 6 });
    const resumed = await submit(second.url, body);
    const events = await progressEvents(second.url, resumed.id);
    await events.ready;
    const seen = await events.done;
    const final = await job(second.url, resumed.id);
    expect(final.status).toBe('done');
    expect((await job(second.url, blocker.id)).status).toBe('done');

    // The job started from the runs in the store (its first progress is the
    // killed server's count) and computed the rest: N − before runs.
    expect(seen[0]).toBe(0); // queued
    expect(seen[1]).toBe(before.size);
    expect(seen.at(-1)).toBe(RUNS);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!).toBeGreaterThanOrEqual(seen[k - 1]!);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    // 3. Exactly N runs, indices 0 … N − 1 once each; the killed server's runs unchanged.
    const after = storedRuns(path, killed!.id);
    expect(after.size).toBe(RUNS);
    for (let k = 0; k < RUNS; k++) expect(after.has(k)).toBe(true);
    for (const [run, hash] of before) expect(after.get(run)).toBe(hash);
    const stored = ensembles(path).find((e) => e.id === killed!.id)!;
    expect(stored.storedRuns).toBe(RUNS);
    expect(stored.requestedRuns).toBe(RUNS);

    // 4. The result is the document of an uninterrupted `concert run` with the same seed.
    const fresh = runCli([
      'run',
      scenarioFile,
      '--runs',
      String(RUNS),
      '--store',
      join(dir, 'fresh.db'),
      '--json',
    ]);
    expect(fresh.code).toBe(0);
    expect(JSON.stringify(final.result)).toBe(JSON.stringify(JSON.parse(fresh.stdout)));
    expect((final.result as { ensemble: string }).ensemble).toBe(killed!.id);
  });
});
