import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../test/helpers/cli.js';
import { parseDocument } from '../core/document.js';
import { ConcertError } from '../core/errors.js';
import { checkTournamentSpec } from '../models/games/repeated/index.js';

describe('concert games (repeated)', () => {
  it('match --json has the DESIGN.md shape', () => {
    const r = runCliJson<{ players: string[]; actions: string[]; scores: number[]; cooperation: number[] }>([
      'games',
      'match',
      'Tit For Tat',
      'Defector',
      '--turns',
      '3',
    ]);
    expect(r.players).toEqual(['Tit For Tat', 'Defector']);
    expect(r.actions).toEqual(['CD', 'DD', 'DD']);
    expect(r.scores).toEqual([2, 7]);
    expect(r.cooperation).toEqual([1, 0]);
  });

  it('bad input: unknown strategy with a suggestion, negative turns, noise outside [0, 1] → exit 2, all reported', () => {
    const r = runCli(['games', 'match', 'Tit For Tatt', 'Grudger', '--turns', '-4', '--noise', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "Tit For Tat"');
    expect(r.stderr).toContain('--turns');
    expect(r.stderr).toContain('--noise');
    expect(r.stderr).not.toContain('    at ');
  });

  it('tournament spec: located problems, then the sample tournament of the Axelrod library', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-games-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'players:\n  - Tit For Tat\n  - Grudgerr\nturns: 0\n');
    const b = runCli(['games', 'tournament', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${bad}:3:5: players[1]: unknown strategy "Grudgerr"; did you mean "Grudger"`);
    expect(b.stderr).toContain(`${bad}:4:8: turns`);
    const good = join(dir, 'spec.json');
    writeFileSync(
      good,
      JSON.stringify({ players: ['Cooperator', 'Tit For Tat', 'Defector'], turns: 10, repetitions: 1 }),
    );
    const one = runCliJson<{ players: { id: string; totalScore: number; rank: number }[] }>([
      'games',
      'tournament',
      good,
    ]);
    expect(one.players.map((p) => [p.id, p.totalScore])).toEqual([
      ['Defector', 64],
      ['Tit For Tat', 39],
      ['Cooperator', 30],
    ]);
  });

  it('match with strategies named with parameters: the document names them canonically', () => {
    const r = runCliJson<{ players: string[]; actions: string[] }>([
      'games',
      'match',
      'First by Shubik',
      'Cycler: DCDDC',
      '--turns',
      '7',
    ]);
    expect(r.players).toEqual(['First by Shubik', 'Cycler DCDDC']);
    expect(r.actions.join(' ')).toBe('CD DC CD DD DC CD DC');
  });

  it('bad parameters: "Cycler CCX" and "Random 1.5" are refused at their argument, saying what is expected (exit 2)', () => {
    const r = runCli(['games', 'match', 'Cycler CCX', 'Random 1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'player1: "Cycler CCX": cycle (moves repeated, in order) must be a sequence of the capital letters C and D, e.g. CCD; got "CCX"',
    );
    expect(r.stderr).toContain(
      'player2: "Random 1.5": p (probability of cooperating each turn) must be a number in [0, 1]; got "1.5"',
    );
    expect(r.stderr).not.toContain('    at ');
  });

  it('tournament spec with parameterised players: quoted names and {name: values} mappings; problems at file:line:column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-games-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'players:\n  - Tit For Tat\n  - Random: 1.5\n  - {First by Feld: {q: 0.2}}\nturns: 5\n',
    );
    const b = runCli(['games', 'tournament', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(
      `${bad}:3:5: players[1]: "Random: 1.5": p (probability of cooperating each turn) must be a number in [0, 1]; got "1.5"`,
    );
    expect(b.stderr).toContain(
      `${bad}:4:5: players[2]: "First by Feld: q=0.2": First by Feld has no parameter "q" (its parameters: start_coop_prob, end_coop_prob, rounds_of_decay)`,
    );
    const good = join(dir, 'spec.yaml');
    writeFileSync(
      good,
      "players:\n  - Tit For Tat\n  - 'Random: 0'\n  - Cycler: CCDD\n  - First by Davis: [2]\nturns: 8\nrepetitions: 1\n",
    );
    const t = runCliJson<{ payoffMatrix: { ids: string[] } }>(['games', 'tournament', good]);
    expect(t.payoffMatrix.ids).toEqual(['Tit For Tat', 'Random: 0', 'Cycler CCDD', 'First by Davis: 2']);
  });

  it('strategies --help documents how to write parameters; --json lists them', () => {
    const help = runCli(['games', 'strategies', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"Random: 0.3"');
    expect(help.stdout).toContain('"First by Feld: end_coop_prob=0.25"');
    expect(help.stdout).toContain('"Cycler DCDDC"');
    const r = runCliJson<{
      strategies: { name: string; usage: string | null; parameters: { name: string; default: unknown }[] }[];
    }>(['games', 'strategies']);
    expect(r.strategies.find((s) => s.name === 'Random')).toMatchObject({
      usage: 'Random: <p>',
      parameters: [{ name: 'p', default: 0.5 }],
    });
    expect(r.strategies.find((s) => s.name === 'Hard Go By Majority')?.parameters).toMatchObject([
      { name: 'memory_depth', default: 'inf' },
    ]);
    expect(r.strategies.find((s) => s.name === 'Tit For Tat')).toMatchObject({ usage: null, parameters: [] });
  });

  it('replicator --strategies keeps the values of a name together', () => {
    const r = runCliJson<{ strategies: string[] }>([
      'games',
      'replicator',
      '--strategies',
      'Random: 0.2,First by Feld: 1, 0.25, 100,TFT',
      '--turns',
      '20',
      '--points',
      '2',
    ]);
    expect(r.strategies).toEqual(['Random: 0.2', 'First by Feld: 1, 0.25, 100', 'Tit For Tat']);
  });

  it('strategies lists at least 40 with classifiers', () => {
    const r = runCliJson<{ strategies: { name: string; memoryDepth: number | null; stochastic: boolean }[] }>(
      ['games', 'strategies'],
    );
    expect(r.strategies.length).toBeGreaterThanOrEqual(40);
    expect(r.strategies.find((s) => s.name === 'Tit For Tat')).toMatchObject({
      memoryDepth: 1,
      stochastic: false,
    });
  });
});

describe('tournament spec validation (property)', () => {
  it('any JSON value is either a valid spec or bad input with located, non-empty messages — never a crash', () => {
    const specLike = fc.record(
      {
        players: fc.array(
          fc.oneof(fc.constantFrom('Tit For Tat', 'TFT', 'Grudger', 'Defector', 'Grudgr'), fc.string()),
          {
            maxLength: 5,
          },
        ),
        turns: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double(), fc.string()),
        noise: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constant(null)),
        repetitions: fc.integer({ min: -2, max: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(specLike, fc.jsonValue()), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        try {
          const spec = checkTournamentSpec(parseDocument(text, 'spec.json', 'json'));
          return (
            spec.players.length >= 2 && (spec.noise === undefined || (spec.noise >= 0 && spec.noise <= 1))
          );
        } catch (e) {
          if (!(e instanceof ConcertError) || e.code !== 'bad-input') return false;
          return (
            e.problems.length > 0 && e.problems.every((p) => p.message.length > 0 && p.file === 'spec.json')
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
