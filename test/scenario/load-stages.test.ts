/**
 * The scenario checks the web lab's editor relies on: an empty scenario, a
 * scenario that starts before its world, schema and actor problems in one
 * report, and an unclosed bracket located where it was opened.
 */
import { describe, expect, it } from 'vitest';
import { ConcertError, type Problem } from '../../src/core/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { buildServer } from '../../src/server/index.js';

function problemsOf(text: string): Problem[] {
  try {
    parseScenario(text, 'scenario.yaml', 'yaml');
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input') return [...e.problems];
    throw e;
  }
  throw new Error('expected bad input');
}

const VALID = 'name: x\ndescription: d\nactors: [USA, CHN]\nyears: 2017..2020\n';

describe('scenario checks', () => {
  it.each(['', '   \n', '# only a comment\n'])(
    'an empty scenario (%j) is one problem at line 1, not a crash',
    (text) => {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, column: 1 });
      expect(problems[0]?.message).toContain('the scenario is empty');
    },
  );

  it('refuses years before (or in) the starting world’s year, at years', () => {
    const problems = problemsOf(VALID.replace('2017..2020', '1700..1720'));
    expect(problems.map((p) => p.path)).toEqual([['years']]);
    expect(problems[0]).toMatchObject({ line: 4, column: 8 });
    expect(problems[0]?.message).toContain('starts in 1700, not after its starting world (2016)');
    expect(problemsOf(VALID.replace('2017..2020', '2016..2020'))[0]?.message).toContain('starts in 2016');
    expect(() => parseScenario(VALID, 'scenario.yaml')).not.toThrow();
  });

  it('reports schema problems and unknown actors together', () => {
    const text = `${VALID.replace('name: x', 'name: Bad Name').replace('[USA, CHN]', '[USA, CHN, XXX]')}events:
  - {type: sanction, year: 2018, actor: USA, target: ZZZ}
  - {type: bogus, year: 2018}
`;
    const paths = problemsOf(text).map((p) => p.path?.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'events.1.type', 'actors.2', 'events.0.target']));
    expect(paths).toHaveLength(4);
  });

  it('locates an unclosed flow sequence at its "[" rather than on the next line', () => {
    const problems = problemsOf('name: broken\nyears: [2017\nactors: [USA, CHN]\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 8 });
    expect(problems[0]?.message).toContain('"[" opened here is never closed');
  });

  it('POST /api/scenarios/validate answers blank text with a located problem (200), not HTTP 500', async () => {
    const app = await buildServer({ storePath: ':memory:', workers: 1 });
    try {
      for (const text of ['', '\n\n']) {
        const res = await app.inject({ method: 'POST', url: '/api/scenarios/validate', payload: { text } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ valid: false, problems: [{ line: 1, column: 1 }] });
      }
    } finally {
      await app.close();
    }
  });
});
