/**
 * `concert bargain` and `POST /api/bargain` as a user meets them: the
 * SOE-Pol-Comp run read from KTAB's CSV, the shipped core-interests file, and
 * bad input (saliences over 100, capability ≤ 0, a position outside 0–100, an
 * unknown option) refused with exit 2 (or HTTP 400) and a located message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BargainingSchema } from '../../src/reports/schemas/index.js';
import { buildServer } from '../../src/server/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-bargain-'));
const SOE = 'test/validation/fixtures/ktab_smp_soe_pol_comp.csv';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `dimensions: [trade, security]
actors:
  - {id: A, capability: 100, position: [20, 80], salience: [40, 50]}
  - {id: B, capability: 60, position: [70, 30], salience: [60, 30]}
  - {id: C, capability: 40, position: [50, 50], salience: [30, 30]}
`;

describe('concert bargain', () => {
  it("prints the SOE-Pol-Comp run: a table per dimension, the final state, KTAB's 27 turns", () => {
    const r = runCli(['bargain', SOE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Converged after 27 turns');
    expect(r.stdout).toContain('Policy Position: position by turn');
    expect(r.stdout).toMatch(/XJ\s+43\.2\s+43\.3\s+0\.2299/);
    const doc = runCliJson<{ turns: number; states: { probabilities: number[] }[] }>(['bargain', SOE]);
    expect(BargainingSchema.parse(doc)).toEqual(doc);
    expect(doc.turns).toBe(27);
    expect(doc.states.at(-1)!.probabilities[0]).toBeCloseTo(0.2299, 4);
  });

  it('--turns stops early and says so; --option overrides a file option', () => {
    const doc = runCliJson<{ turns: number; stoppedBy: string; options: { votingRule: string } }>([
      'bargain',
      SOE,
      '--turns',
      '3',
      '--option',
      'votingRule=PropCbc',
    ]);
    expect(doc).toMatchObject({ turns: 3, stoppedBy: 'max-turns', options: { votingRule: 'PropCbc' } });
  });

  it('runs the shipped core-interests file: the P5 keep their stated core interests apart', () => {
    const doc = runCliJson<{
      actors: { id: string }[];
      tension: { final: { a: string; b: string; tension: number }[] };
    }>(['bargain', 'data/core-interests-2017.yaml', '--turns', '20']);
    expect(doc.actors.map((a) => a.id)).toEqual(['USA', 'CHN', 'RUS', 'GBR', 'FRA']);
    const usChina = doc.tension.final.find((t) => t.a === 'USA' && t.b === 'CHN')!;
    expect(usChina.tension).toBeGreaterThan(0.4);
  });

  it('refuses saliences summing over 100, capability ≤ 0 and a position outside 0–100, each located (exit 2)', () => {
    const bad = file(
      'bad.yaml',
      `dimensions: [a, b]
actors:
  - {id: A, capability: 5, position: [10, 20], salience: [60, 50]}
  - {id: B, capability: 10, position: [12, 20], salience: [30, 30]}
  - {id: C, capability: 10, position: [10, 20], salience: [30, 30]}
`,
    );
    const r1 = runCli(['bargain', bad]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(
      `${bad}:3:58: actors[0].salience: saliences sum to 110; expected at most 100`,
    );
    const worse = file(
      'worse.yaml',
      `dimensions: [a, b]
actors:
  - {id: A, capability: 0, position: [10, 20], salience: [60, 30]}
  - {id: B, capability: 10, position: [120, 20], salience: [30, 30]}
  - {id: C, capability: -3, position: [10, 20], salience: [30, 30]}
`,
    );
    const r2 = runCli(['bargain', worse]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${worse}:3:25: actors[0].capability: capability must be > 0`);
    expect(r2.stderr).toContain(
      `${worse}:4:40: actors[1].position[0]: a position must be from 0 to 100; got 120`,
    );
    expect(r2.stderr).toContain(
      `${worse}:5:25: actors[2].capability: capability must be > 0 (an actor without capability cannot vote); got -3`,
    );
    expect(r2.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an unknown option in the file, in KTAB XML and on the command line', () => {
    const yaml = file('options.yaml', `${GOOD}options:\n  votingRule: Majority\n  speed: fast\n`);
    const r1 = runCli(['bargain', yaml]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(
      `${yaml}:7:15: options.votingRule: expected one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp; got "Majority"`,
    );
    expect(r1.stderr).toContain(`${yaml}:8:3: options.speed: unknown field`);
    const xml = file(
      'x.xml',
      `<Scenario><name>x</name><ModelParameters><VotingRule>Prop</VotingRule><Speed>fast</Speed></ModelParameters>
<Dimensions><dName>a</dName></Dimensions>
<Actors>
<Actor><name>A</name><description>a</description><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
<Actor><name>B</name><description>b</description><capability>2</capability><Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
<Actor><name>C</name><description>c</description><capability>3</capability><Position><dCoord>30</dCoord></Position><Salience><dSal>150</dSal></Salience></Actor>
</Actors></Scenario>`,
    );
    const r2 = runCli(['bargain', xml]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${xml}:1:71: options.Speed: unknown field`);
    expect(r2.stderr).toContain(
      `${xml}:6:126: actors[2].salience[0]: a salience must be from 0 to 100; got 150`,
    );
    expect(r2.stderr).toContain('actors[2].salience: saliences sum to 150; expected at most 100');
    const r3 = runCli(['bargain', SOE, '--option', 'speed=fast', '--option', 'pceModel=Markov']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('--option[0]: unknown option "speed"');
    expect(r3.stderr).toContain(
      '--option[1]: pceModel must be one of Conditional, MarkovIncentive, MarkovUniform; got "Markov"',
    );
  });

  it('locates problems in CSV cells and malformed XML', () => {
    const csv = file('a.csv', 'actor,capability,position,salience\nA,10,50,80\nB,x,20,90\nC,5,101,50\n');
    const r1 = runCli(['bargain', csv]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(
      `${csv}:3:3: actors[1].capability: expected a capability (a positive number), got "x"`,
    );
    expect(r1.stderr).toContain(
      `${csv}:4:5: actors[2].position[0]: a position must be from 0 to 100; got 101`,
    );
    const xml = file('broken.xml', '<Scenario>\n<Dimensions><dName>a</dName></Dimension>\n</Scenario>');
    const r2 = runCli(['bargain', xml]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(new RegExp(`${xml.replace(/[.]/g, '\\.')}:2:\\d+: malformed XML`));
  });
});

describe('POST /api/bargain', () => {
  it('answers bad input, and more than 100 actors, with 400 and problems at body.problem…', async () => {
    const app = await buildServer({ storePath: join(dir, 'runs.db'), webRoot: null, workers: 1 });
    try {
      const problem = {
        dimensions: ['a'],
        actors: [
          { id: 'A', capability: 0, position: [10], salience: [50] },
          { id: 'B', capability: 1, position: [-5], salience: [50] },
          { id: 'C', capability: 1, position: [10], salience: [101] },
        ],
        options: { bargnModel: 'Nash' },
      };
      const r = await app.inject({ method: 'POST', url: '/api/bargain', payload: { problem } });
      expect(r.statusCode).toBe(400);
      const paths = (r.json() as { error: { problems: { path: unknown[] }[] } }).error.problems.map(
        (p) => p.path,
      );
      expect(paths).toEqual(
        expect.arrayContaining([
          ['body', 'problem', 'actors', 0, 'capability'],
          ['body', 'problem', 'actors', 1, 'position', 0],
          ['body', 'problem', 'actors', 2, 'salience', 0],
          ['body', 'problem', 'options', 'bargnModel'],
        ]),
      );
      const many = {
        dimensions: ['a'],
        actors: Array.from({ length: 101 }, (_, i) => ({
          id: `A${i}`,
          capability: 1,
          position: [i % 100],
          salience: [50],
        })),
      };
      const big = await app.inject({ method: 'POST', url: '/api/bargain', payload: { problem: many } });
      expect(big.statusCode).toBe(400);
      expect(
        (big.json() as { error: { problems: { path: unknown[]; message: string }[] } }).error.problems,
      ).toEqual([
        {
          path: ['body', 'problem', 'actors'],
          message: '101 actors: the API takes at most 100 (use concert bargain for larger problems)',
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
