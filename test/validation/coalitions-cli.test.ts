/**
 * `concert coalitions …` end to end: JSON shapes (DESIGN.md), the shipped
 * Security Council files, and the error contract (exit 2, located messages).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-coalitions-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Values {
  index?: string;
  solution?: string;
  values?: { player: string; value: number; exact?: string }[];
  allocation?: { player: string; value: number; exact?: string }[];
}

describe('concert coalitions', () => {
  it('power --json --coalitions: the weighted UNSC [39; 7×5, 1×10] gives 421/2145 and 4/2145', () => {
    const game = file(
      'unsc.json',
      JSON.stringify({ weights: [7, 7, 7, 7, 7, ...Array(10).fill(1)], quota: 39 }),
    );
    const out = runCliJson<
      Values & {
        vetoPlayers: string[];
        nullPlayers: string[];
        minimalWinning: string[][];
        minimalBlocking: string[][];
      }
    >(['coalitions', 'power', game, '--coalitions']);
    expect(out.index).toBe('shapley-shubik');
    expect(out.values![0]).toMatchObject({ player: 'P1', exact: '421/2145' });
    expect(out.values![0]!.value).toBeCloseTo(0.196270396, 9);
    expect(out.values![14]).toMatchObject({ player: 'P15', exact: '4/2145' });
    expect(out.vetoPlayers).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(out.nullPlayers).toEqual([]);
    // P5 + any 4 of the 10 elected; blocked by one permanent member or by 7 elected members
    expect(out.minimalWinning).toHaveLength(210);
    expect(out.minimalBlocking).toContainEqual(['P1']);
    expect(out.minimalBlocking).toHaveLength(5 + 120);
  });

  it('unsc --json: today, before 1965, and the reforms, each with a source', () => {
    const out = runCliJson<{
      councils: {
        id: string;
        source: string;
        members: number;
        vetoPlayers: string[];
        groups: {
          group: string;
          shapleyShubikPerSeat: { exact: string };
          banzhafPerSeat: { exact: string };
        }[];
      }[];
    }>(['coalitions', 'unsc']);
    const ids = out.councils.map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual(['current', 'pre-1965']);
    expect(ids).toEqual(expect.arrayContaining(['reform-g4-2005', 'reform-razali-1997', 'reform-ufc-2005']));
    const current = out.councils[0]!;
    expect(current.members).toBe(15);
    expect(current.source).toMatch(/Art\. 27\(3\)/);
    expect(current.groups[0]).toMatchObject({
      group: 'permanent (veto)',
      shapleyShubikPerSeat: { exact: '421/2145' },
      banzhafPerSeat: { exact: '106/635' },
    });
    const pre = out.councils[1]!;
    expect(pre.members).toBe(11);
    expect(pre.source).toMatch(/seven members/);
    expect(pre.groups.map((g) => g.shapleyShubikPerSeat.exact)).toEqual(['76/385', '1/462']);
    for (const c of out.councils) expect(c.source.length).toBeGreaterThan(40);
  });

  it('solve --json: nucleolus of a bankruptcy file', () => {
    const b = file(
      'talmud.json',
      JSON.stringify({ players: ['A', 'B', 'C'], estate: 300, claims: [100, 200, 300] }),
    );
    const nu = runCliJson<Values>(['coalitions', 'solve', b, '--solution', 'nucleolus']);
    expect(nu.solution).toBe('nucleolus');
    expect(nu.allocation!.map((a) => a.player)).toEqual(['A', 'B', 'C']);
    [50, 100, 150].forEach((e, i) => {
      expect(nu.allocation![i]!.value).toBeCloseTo(e, 8);
    });
  });

  it('bankruptcy --json: Talmud at E = 200 is (50, 75, 75)', () => {
    const out = runCliJson<{ rule: string; allocation: { player: string; claim: number; exact: string }[] }>([
      'coalitions',
      'bankruptcy',
      '--estate',
      '200',
      '--claims',
      '100,200,300',
    ]);
    expect(out.rule).toBe('talmud');
    expect(out.allocation.map((a) => a.exact)).toEqual(['50', '75', '75']);
  });

  it('exit 2 with located messages: quota above total weight, negative claim, empty imputation set', () => {
    const q = file('q.json', '{\n  "weights": [3, 4],\n  "quota": 9\n}\n');
    const r1 = runCli(['coalitions', 'power', q]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`${q}:3:12: quota: quota 9 is above the total weight 7`);
    expect(r1.stdout).toBe('');

    const r2 = runCli(['coalitions', 'bankruptcy', '--estate', '10', '--claims', '5,-2,8']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--claims[1]: claim -2 is negative');

    const ns = file('ns.json', '{"players": ["A", "B"], "v": {"A": 2, "B": 2, "A,B": 3}}');
    const r4 = runCli(['coalitions', 'solve', ns, '--solution', 'nucleolus']);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/imputation set, which is empty.*not superadditive/);
    expect(r4.stderr).not.toMatch(/at .*\.ts/);
  });
});
