import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDocument, validateDocument } from './document.js';
import { ConcertError } from './errors.js';

const Schema = z.strictObject({
  year: z.number().int(),
  actors: z.record(z.string(), z.strictObject({ population: z.number().min(0) })),
});

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcertError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConcertError');
}

describe('located documents', () => {
  it('locates YAML syntax errors', () => {
    const problems = problemsOf(() => parseDocument('year: 2016\nactors:\n  USA: [1, 2\n', 'w.yaml'));
    expect(problems[0]?.file).toBe('w.yaml');
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('locates an alias that refers to no anchor', () => {
    const problems = problemsOf(() => parseDocument('year: 2016\nactors: *missing\n', 'w.yaml'));
    expect(problems[0]).toMatchObject({ file: 'w.yaml', line: 2, column: 9 });
    expect(problems[0]?.message).toMatch(/missing/);
  });

  it('locates JSON syntax errors by line and column', () => {
    const problems = problemsOf(() => parseDocument('{\n  "year": 2016,\n  "actors": {,}\n}', 'w.json'));
    expect(problems[0]).toMatchObject({ file: 'w.json', line: 3 });
    expect(problems[0]?.message).toMatch(/invalid JSON/);
  });

  it('reports every schema problem with its position and path', () => {
    const text = 'year: "2016"\nactors:\n  USA:\n    population: -5\n    colour: red\n';
    const doc = parseDocument(text, 'w.yaml');
    const problems = problemsOf(() => validateDocument(Schema, doc));
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.path?.join('.') === 'year')).toMatchObject({ line: 1, column: 7 });
    expect(problems.find((p) => p.path?.join('.') === 'actors.USA.population')).toMatchObject({
      line: 4,
      column: 17,
    });
    expect(problems.find((p) => p.path?.join('.') === 'actors.USA.colour')).toMatchObject({
      line: 5,
      column: 5,
    });
  });

  it('says plainly that a required field is missing', () => {
    const doc = parseDocument('actors: {}\n', 'w.yaml');
    const problems = problemsOf(() => validateDocument(Schema, doc));
    expect(problems).toEqual([
      expect.objectContaining({ path: ['year'], message: 'required field is missing (expected number)' }),
    ]);
  });

  it('never throws anything but a located ConcertError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('a.yaml', 'a.json'), (text, file) => {
        try {
          validateDocument(Schema, parseDocument(text, file));
        } catch (e) {
          expect(e).toBeInstanceOf(ConcertError);
          for (const p of (e as ConcertError).problems) expect(p.file).toBe(file);
        }
      }),
      { numRuns: 500 },
    );
  });
});
