import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConcertError, formatProblem } from '../../src/core/errors.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/scenario.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input') return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected bad input');
}

describe('loading scenarios', () => {
  let small: Scenario;
  beforeAll(() => {
    small = loadScenario(fixture('small.yaml'));
  });

  it('prepares a valid scenario: actors, years, events, uncertain parameters and a trimmed world', () => {
    expect(small.actors).toEqual(['USA', 'RUS', 'CHN']);
    expect(small.years).toEqual({ from: 2017, to: 2021 });
    expect(small.events).toHaveLength(7);
    expect(small.uncertain.map((u) => u.parameter)).toEqual([
      'policies.default.misperception',
      'couplings.structuralBalance.rate',
    ]);
    expect(Object.keys(small.world.actors).sort()).toEqual(['CHN', 'RUS', 'USA']);
    expect(small.world.relations.every((r) => small.actors.includes(r.a) && small.actors.includes(r.b))).toBe(
      true,
    );
    expect(small.world.actors.USA?.forces).toBeDefined();
  });

  it('reports schema problems together, each located: unknown event type, event outside the years, min > max, runs ≤ 0; and, with them, the unknown actors and strategies of the parts that match the schema', () => {
    const problems = problemsOf(() => loadScenario(fixture('bad.yaml')));
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/bad\.yaml:3:20: actors\[2\]: unknown actor "XYZ"/);
    expect(problems.join('\n')).toMatch(/policies\.RUS\.strategy: unknown strategy "Tit For Tatt"/);
    expect(problems.join('\n')).toMatch(/events\[2\]\.actors\[1\]: unknown actor "ZZZ"/);
    expect(problems.join('\n')).toMatch(/bad\.yaml:8:13: events\[0\]\.type: unknown event type/);
    expect(problems.join('\n')).toMatch(/bad\.yaml:9:\d+: events\[1\]\.year: event year 2030 is outside/);
    expect(problems.join('\n')).toMatch(
      /bad\.yaml:13:\d+: uncertain\[0\]\.distribution\.min: min \(0\.3\) is greater than max/,
    );
    expect(problems.join('\n')).toMatch(/bad\.yaml:14:\d+: ensemble\.runs: runs must be at least 1/);
  });

  it('reports semantic problems together: unknown actors, strategies, parameters and a new defense without pk', () => {
    const problems = problemsOf(() => loadScenario(fixture('semantic.yaml')));
    const text = problems.join('\n');
    expect(problems).toHaveLength(6);
    expect(text).toMatch(/semantic\.yaml:3:20: actors\[2\]: unknown actor "XYZ"/);
    expect(text).toMatch(
      /policies\.RUS\.strategy: unknown strategy "Tit For Tatt"; did you mean "Tit For Tat"/,
    );
    expect(text).toMatch(/semantic\.yaml:7:3: policies\.FRA: unknown actor "FRA"/);
    expect(text).toMatch(/events\[1\]\.actors\[1\]: unknown actor "ZZZ"/);
    expect(text).toMatch(/events\[2\]: "S-500" is a new defense system of RUS/);
    expect(text).toMatch(/uncertain\[0\]\.parameter: "policies\.default\.colour" is not a numeric parameter/);
  });

  it('names a missing file', () => {
    expect(problemsOf(() => loadScenario('/nonexistent/x.yaml'))).toEqual([
      '/nonexistent/x.yaml: cannot read file: no such file',
    ]);
  });

  it('never crashes on arbitrary scenario-shaped input: it loads or raises located bad input', () => {
    const keys = [
      'name',
      'description',
      'years',
      'actors',
      'events',
      'ensemble',
      'uncertain',
      'policies',
      'couplings',
    ];
    const value = fc.oneof(
      fc.constantFrom('small', '2017..2020', 'USA', 'uniform', -1, 0, 3, 2017, true, null),
      fc.array(fc.constantFrom('USA', 'RUS', 'CHN', 'XYZ', 1), { maxLength: 4 }),
      fc.dictionary(
        fc.constantFrom('type', 'year', 'actor', 'actors', 'runs', 'min', 'max'),
        fc.constantFrom('consult', 2018, 'USA', 0, -5),
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (doc) => {
        const text = JSON.stringify(doc);
        try {
          parseScenario(text, 'prop.json', 'json');
        } catch (e) {
          expect(e).toBeInstanceOf(ConcertError);
          expect((e as ConcertError).code).toBe('bad-input');
          for (const p of (e as ConcertError).problems) expect(p.file).toBe('prop.json');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('accepts every valid distribution and rejects an inverted range, as a property', () => {
    const base = { name: 'p', description: 'property', actors: ['USA', 'RUS'], years: '2017..2019' };
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (x, y) => {
          const doc = {
            ...base,
            uncertain: [{ parameter: 'game.reward', distribution: { type: 'uniform', min: x, max: y } }],
          };
          const run = () => parseScenario(JSON.stringify(doc), 'p.json', 'json');
          if (x <= y) expect(run().uncertain).toHaveLength(1);
          else expect(problemsOf(run).join()).toMatch(/min .* is greater than max/);
        },
      ),
      { numRuns: 30 },
    );
  });
});
