/**
 * `concert report`: a self-contained HTML file (no script to run, no outside
 * resource) whose numbers are those of `concert compare --json` and
 * `concert run --json` for the same scenarios, runs and seed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-report-'));

function embedded<T>(html: string): T {
  const m = /<script type="application\/json" id="concert-documents">(.*?)<\/script>/s.exec(html);
  if (!m) throw new Error('no embedded documents');
  return JSON.parse(m[1]!) as T;
}

/** The number as the report's tables print it (3 decimals below 100, with a true minus sign). */
const printed = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
};

describe('concert report', () => {
  it('with --compare: the same numbers as concert compare --json, offline and without scripts', () => {
    const args = [
      'scenarios/baseline-2017.yaml',
      'scenarios/thaad-korea.yaml',
      '--runs',
      '3',
      '--seed',
      '5',
      '--workers',
      '1',
    ];
    const compare = runCliJson<{
      indicators: Record<string, { years: number[]; mean: number[] }>;
      attribution: unknown[];
    }>(['compare', ...args]);
    const out = join(dir, 'compare.html');
    const r = runCli(['report', args[0]!, '--compare', args[1]!, ...args.slice(2), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    // The same document, numbers and events; only the throwaway stores' ensemble ids may differ.
    const { ensembles: idsA, ...numbersA } = embedded<{ comparison: { ensembles: unknown } }>(
      html,
    ).comparison;
    const { ensembles: idsB, ...numbersB } = compare as unknown as { ensembles: unknown };
    expect(numbersA).toEqual(numbersB);
    expect(Object.keys(idsA as object)).toEqual(Object.keys(idsB as object));
    // Self-contained: no external resource, no script other than the data block.
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    expect(html).not.toMatch(/<link /);
    // The table shows the last year's mean difference of the index as compare computed it.
    const index = compare.indicators['stability.index']!;
    const last = index.mean.at(-1)!;
    expect(html).toContain(`<th>${index.years.at(-1)} mean difference [95% CI]</th>`);
    expect(html).toContain(printed(last, Math.abs(last) >= 100 ? 0 : 3));
    expect(html).toContain('<h2>Assumptions</h2>');
    expect(html).toContain('deploy-missile-defense');
    expect(html).toContain('<h2>Sources</h2>');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(10);
    expect(compare.attribution).toHaveLength(4);
  }, 240_000);

  it('of one scenario: the bands of concert run --json with the same runs and seed', () => {
    const store = join(dir, 'runs.db');
    const run = runCliJson<{ indicators: Record<string, { q50: number[] }> }>([
      'run',
      'scenarios/concert-of-powers.yaml',
      '--runs',
      '2',
      '--seed',
      '3',
      '--workers',
      '1',
      '--store',
      store,
    ]);
    const out = join(dir, 'run.html');
    const r = runCli([
      'report',
      'scenarios/concert-of-powers.yaml',
      '--runs',
      '2',
      '--seed',
      '3',
      '--workers',
      '1',
      '--store',
      store,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = embedded<{ ensembles: unknown[] }>(readFileSync(out, 'utf8'));
    expect(doc.ensembles).toEqual([run]);
  }, 240_000);

  it('without --out: exit 2 with one located message', () => {
    const r = runCli(['report', 'scenarios/baseline-2017.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});
