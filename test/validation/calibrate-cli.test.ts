/**
 * `concert calibrate` end to end: it prints the fit calibrate() computes, its
 * --json is the Calibration, --write writes a scenario that validates (and
 * does not overwrite), and bad input exits 2 naming the option.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { calibrate } from '../../src/scenario/calibrate.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concert calibrate', { timeout: 120_000 }, () => {
  const args = ['calibrate', '--from', '1993', '--to', '2010', '--actors', 'USA,CHN,RUS'];
  const template = readDocument('scenarios/baseline-2017.yaml');
  const cal = calibrate({ actors: ['USA', 'CHN', 'RUS'], from: 1993, to: 2010, template });

  it('prints the fitted values calibrate() computes', () => {
    const r = runCli(args);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain('calibration of USA, CHN, RUS on the training years 1993–2010');
    const line = (start: string) => out.split('\n').find((l) => l.startsWith(start))!;
    for (const [i, t] of cal.arms.trend.entries()) {
      const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
      expect(line(`${t.actor} `)).toMatch(
        new RegExp(
          `${pct(t.estimate)}\\s+${pct(t.standardError)}\\s+${t.tStatistic.toFixed(2)}\\s+${cal.arms.shockSd[i]!.value.toFixed(4)}$`,
        ),
      );
    }
    const row = (name: string, e: { estimate: number; standardError: number; tStatistic: number }) =>
      expect(line(name)).toMatch(
        new RegExp(
          `^${name}\\s+${e.estimate.toFixed(4)}\\s+${e.standardError.toFixed(4)}\\s+${e.tStatistic.toFixed(2)}\\s`,
        ),
      );
    row('reaction k', cal.arms.reaction!);
    row('fatigue a', cal.arms.fatigue);
    row('crisis c0', cal.crises!.base);
    row('crisis c1', cal.crises!.hostility);
    row('interaction α', cal.relations!.interactionRate);
    row('balance β', cal.relations!.balanceRate);
    expect(out).toContain(`objective ${cal.relations!.objective.toFixed(3)} at the fit`);
    expect(r.stderr).toContain('fitting the relation rates R1 and R2 by simulated moments');
    expect(out).toContain(`crisis base rate: ${cal.crises!.baseRate.toFixed(4)} onsets a dyad-year`);
    expect(out).toContain(`${cal.arms.observations} yearly increments 1993–2010`);
  });

  it('--json prints the Calibration', () => {
    expect(runCliJson(args)).toEqual(JSON.parse(JSON.stringify(cal)));
  });

  it('--write writes a scenario that validates, and does not overwrite it', () => {
    const file = join(dir, 'calibrated.yaml');
    const r = runCli([...args, '--write', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# scenarios\/baseline-2017\.yaml calibrated on 1993–2010/);
    expect(text).toContain(`baselineGrowth: ${Number(cal.arms.trend[1]!.estimate.toPrecision(4))}`);
    const v = runCli(['validate', file]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('valid scenario');
    const again = runCli([...args, '--write', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`error: --write: ${file} exists`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('--no-relations fits the arms and crisis parameters only, without running the engine', () => {
    const r = runCliJson([...args, '--no-relations']) as { relations?: unknown; arms: unknown };
    expect(r.relations).toBeUndefined();
    expect(r.arms).toEqual(JSON.parse(JSON.stringify(cal.arms)));
  });

  it('bad input exits 2 with one message naming the option', () => {
    const cases: [string[], string][] = [
      [['--from', '1900'], 'error: --from: expected a whole number from 1949 to 2016; got "1900"'],
      [['--to', '2020'], 'error: --to: expected a whole number from 1949 to 2016; got "2020"'],
      [['--from', '2015'], 'error: --from: expected a first training year'],
      [['--from', '2000', '--to', '2001'], 'error: --to: expected a last training year from 2003'],
      [['--actors', 'USA,XYZ'], 'error: --actors: unknown actor "XYZ"'],
    ];
    for (const [extra, message] of cases) {
      const r = runCli(['calibrate', ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
