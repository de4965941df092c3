import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { parseWorld } from '../../src/world/index.js';

/** Runs the loader; returns null on success, else the error (which must be located bad input). */
function attempt(text: string, format: 'yaml' | 'json'): ConcertError | null {
  try {
    parseWorld(text, `fuzz.${format}`, format);
    return null;
  } catch (e) {
    if (!(e instanceof ConcertError)) throw e;
    return e;
  }
}

function expectLocated(e: ConcertError | null): void {
  if (e === null) return;
  expect(e.code).toBe('bad-input');
  expect(e.problems.length).toBeGreaterThan(0);
  for (const p of e.problems) {
    expect(p.file).toMatch(/^fuzz\./);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const validYaml = `year: 2016
actors:
  USA: { name: United States, population: 324000000 }
  CHN: { name: China }
relations:
  - { a: USA, b: CHN, score: -0.5, kind: rivalry }
`;

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const worldish = fc.record(
  {
    year: fc.oneof(fc.integer({ min: 1700, max: 2200 }), jsonValue),
    actors: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom('USA', 'CHN', 'RUS', 'usa', ''), fc.string({ maxLength: 5 })),
        fc.oneof(
          fc.record({ name: fc.oneof(fc.string(), jsonValue), population: fc.oneof(fc.double(), jsonValue) }),
          jsonValue,
        ),
        { maxKeys: 4 },
      ),
      jsonValue,
    ),
    relations: fc.oneof(
      fc.array(
        fc.record({
          a: fc.oneof(fc.constantFrom('USA', 'CHN', 'XYZ'), jsonValue),
          b: fc.oneof(fc.constantFrom('USA', 'CHN', 'XYZ'), jsonValue),
          score: fc.oneof(fc.double(), jsonValue),
          kind: fc.oneof(fc.constantFrom('alliance', 'rivalry', 'enemy'), jsonValue),
        }),
        { maxLength: 4 },
      ),
      jsonValue,
    ),
    extends: fc.oneof(
      fc.constant('default'),
      fc.record({ default: fc.integer({ min: 1800, max: 2030 }) }),
      jsonValue,
    ),
  },
  { requiredKeys: [] },
);

describe('world loaders on malformed input', () => {
  it('random text as YAML or JSON: never a crash, always located bad input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('yaml', 'json'), (text, format) => {
        expectLocated(attempt(text, format as 'yaml' | 'json'));
      }),
      { numRuns: 300 },
    );
  });

  it('a valid world with random corruption (cut, inserted or deleted characters)', () => {
    fc.assert(
      fc.property(fc.nat(validYaml.length), fc.nat(8), fc.string({ maxLength: 6 }), (at, remove, insert) => {
        const text = validYaml.slice(0, at) + insert + validYaml.slice(at + remove);
        expectLocated(attempt(text, 'yaml'));
        expectLocated(attempt(JSON.stringify(text), 'json'));
      }),
      { numRuns: 300 },
    );
  });

  it('structurally random worlds (wrong types, unknown ids, bad extends) in both formats', () => {
    fc.assert(
      fc.property(worldish, (value) => {
        expectLocated(attempt(JSON.stringify(value), 'json'));
      }),
      { numRuns: 100 },
    );
  });
});
