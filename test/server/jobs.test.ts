/** The job queue behind `/api/jobs`: order, progress events, results and failures. */
import { describe, expect, it } from 'vitest';
import { badInput } from '../../src/core/errors.js';
import { type JobProgress, JobQueue, type JobView } from '../../src/server/jobs.js';

const tick = () => new Promise((r) => setImmediate(r));

function listen(q: JobQueue, id: string) {
  const progress: JobProgress[] = [];
  const ended = new Promise<JobView>((resolve) => {
    q.subscribe(id, (p) => progress.push(p), resolve);
  });
  return { progress, ended };
}

describe('JobQueue', () => {
  it('runs jobs one at a time, in order, and streams their progress', async () => {
    const q = new JobQueue();
    const order: string[] = [];
    const work = (name: string) => async (report: (p: JobProgress) => void) => {
      order.push(`${name} start`);
      for (let done = 1; done <= 3; done++) {
        await tick();
        report({ done, total: 3, label: name });
      }
      order.push(`${name} end`);
      return { name };
    };
    const a = q.submit('ensemble', 'a', 3, work('a'));
    const b = q.submit('ensemble', 'b', 3, work('b'));
    expect(q.get(b.id)?.status).toBe('queued');
    const la = listen(q, a.id);
    const lb = listen(q, b.id);
    const [ea, eb] = await Promise.all([la.ended, lb.ended]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(la.progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(ea).toMatchObject({ status: 'done', result: { name: 'a' }, progress: { done: 3, total: 3 } });
    expect(eb.status).toBe('done');
    const late = listen(q, a.id);
    expect((await late.ended).status).toBe('done');
  });

  it('reports bad input of a job as located problems, and faults generically', async () => {
    const faults: unknown[] = [];
    const q = new JobQueue(100, (e) => faults.push(e));
    const bad = q.submit('ensemble', 'bad', 1, async () => {
      throw badInput({ path: ['years'], line: 4, column: 8, message: 'expected FROM..TO' });
    });
    const broken = q.submit('compare', 'broken', 1, async () => {
      throw new Error('disk on fire at /secret/path');
    });
    const eb = await listen(q, bad.id).ended;
    expect(eb.error?.problems).toEqual([
      { path: ['years'], line: 4, column: 8, message: 'expected FROM..TO' },
    ]);
    const ef = await listen(q, broken.id).ended;
    expect(ef.status).toBe('failed');
    expect(JSON.stringify(ef.error)).not.toContain('secret');
    expect(faults).toHaveLength(1);
  });

  it('forgets the oldest finished jobs beyond its capacity, and fails queued jobs on close', async () => {
    const q = new JobQueue(2);
    const ids = [1, 2, 3].map((n) => q.submit('ensemble', String(n), 1, async () => n).id);
    await listen(q, ids[2]!).ended;
    const fourth = q.submit('ensemble', '4', 1, async () => 4);
    expect(q.get(ids[0]!)).toBeUndefined();
    await listen(q, fourth.id).ended;
    await tick();
    const slow = q.submit('ensemble', 'slow', 1, () => new Promise((r) => setTimeout(() => r(1), 20)));
    const waiting = q.submit('ensemble', 'waiting', 1, async () => 2);
    await q.close();
    expect(q.get(waiting.id)?.status).toBe('failed');
    expect(q.get(slow.id)?.status).toBe('done');
    expect(
      q.subscribe(
        'unknown',
        () => undefined,
        () => undefined,
      ),
    ).toBeUndefined();
  });
});

describe('JobQueue limits and cancellation', () => {
  it('refuses a job when maxQueued already wait (429), and cancels queued and running jobs', async () => {
    const q = new JobQueue(100, () => undefined, 2);
    let stopped = false;
    const running = q.submit('ensemble', 'long', 1, (_report, signal) => {
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          stopped = true;
          reject(new Error('stopped'));
        });
      });
    });
    const w1 = q.submit('ensemble', 'w1', 1, async () => 1);
    q.submit('ensemble', 'w2', 1, async () => 2);
    expect(() => q.submit('ensemble', 'w3', 1, async () => 3)).toThrow(
      /too many jobs: 2 are already waiting/,
    );
    expect(q.cancel(w1.id)).toBe('cancelled');
    expect(q.get(w1.id)?.status).toBe('cancelled');
    const ended = listen(q, running.id).ended;
    await tick();
    expect(q.get(running.id)?.status).toBe('running');
    expect(q.cancel(running.id)).toBe('cancelling');
    expect((await ended).status).toBe('cancelled');
    expect(stopped).toBe(true);
    expect(q.cancel(running.id)).toBe('finished');
    expect(q.cancel('nope')).toBe('unknown');
    await q.close();
  });
});
