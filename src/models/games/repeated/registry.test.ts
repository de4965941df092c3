/**
 * Strategy names with parameters: what they resolve to, that a player's
 * reported name finds it again, and what a wrong name is told.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng.js';
import { actionPairs, playMatch } from './match.js';
import { formatParameterValue, type ParameterValue, type StrategyParameter } from './parameters.js';
import {
  findStrategy,
  lookupStrategy,
  STRATEGIES,
  strategiesNamed,
  unknownStrategyMessage,
} from './registry.js';
import type { Strategy } from './strategy.js';

const named = (name: string): Strategy => {
  const r = lookupStrategy(name);
  if ('problem' in r) throw new Error(r.problem);
  return r.strategy;
};
const problem = (name: string): string => {
  const r = lookupStrategy(name);
  if ('strategy' in r) throw new Error(`"${name}" resolved to ${r.strategy.name}`);
  return r.problem;
};

/** A 30-turn transcript against a fixed opponent with a fixed seed: the player's behaviour. */
const behaviour = (s: Strategy, opponent = 'Alternator') =>
  actionPairs(playMatch(s, named(opponent), { turns: 30 }, Rng.fromSeed(3)).actions).join(' ');

describe('every name that worked before still finds its strategy', () => {
  it('each registered name and class name, in any case, finds its own record', () => {
    for (const s of STRATEGIES) {
      expect(findStrategy(s.name)).toBe(s);
      expect(findStrategy(s.className)).toBe(s);
      expect(findStrategy(s.name.toUpperCase())).toBe(s);
    }
  });
  it('aliases as before, and "Cycler" alone is the library default cycle CCD', () => {
    expect(findStrategy('TFT')?.name).toBe('Tit For Tat');
    expect(findStrategy('Generous Tit For Tat')?.name).toBe('GTFT');
    expect(findStrategy('Cycler')?.name).toBe('Cycler CCD');
  });
});

describe('names with parameters, as the Axelrod library writes a configured player', () => {
  it.each([
    ['Random: 0.3', 'Random: 0.3'],
    ['Random 0.3', 'Random: 0.3'],
    ['random: 3/10', 'Random: 0.3'],
    ['Random: p=0.3', 'Random: 0.3'],
    ['Cycler DCDDC', 'Cycler DCDDC'],
    ['Cycler: DCDDC', 'Cycler DCDDC'],
    ['First by Feld: 1, 0.25, 200', 'First by Feld: 1, 0.25, 200'],
    ['First by Feld: end_coop_prob=0.25', 'First by Feld: 1, 0.25, 200'],
    ['FirstByFeld: 0.9, rounds_of_decay=50', 'First by Feld: 0.9, 0.5, 50'],
    ['First by Davis 5', 'First by Davis: 5'],
    ['GTFT: 0.1', 'GTFT: 0.1'],
    ['Generous Tit For Tat: 1/4', 'GTFT: 0.25'],
    ['ZD-Extort-2: 0.2, 0.5', 'ZD-Extort-2: 0.2, 0.5'],
    ['Omega TFT: 2, 7', 'Omega TFT: 2, 7'],
    ['Soft Go By Majority 10', 'Soft Go By Majority: 10'],
    ['Win-Shift Lose-Stay: C', 'Win-Shift Lose-Stay: C'],
    ['Handshake: CCD', 'Handshake: CCD'],
  ])('%s is named %s', (input, name) => {
    expect(named(input).name).toBe(name);
  });

  it('all defaults give the registered strategy itself (Random: 0.5 is Random)', () => {
    expect(named('Random: 0.5')).toBe(findStrategy('Random'));
    expect(named('ZD-Extort-2: 1/9, 1/2')).toBe(findStrategy('ZD-Extort-2'));
    expect(named('Hard Go By Majority: inf')).toBe(findStrategy('Hard Go By Majority'));
    expect(named('First by Feld: rounds_of_decay=200')).toBe(findStrategy('First by Feld'));
  });

  it('a configured record keeps its family and classifier: First by Feld: 1, 0.5, 50 looks back 50 turns', () => {
    const s = named('First by Feld: 1, 0.5, 50');
    expect(s.className).toBe('FirstByFeld');
    expect(s.classifier.memoryDepth).toBe(50);
    expect(named('GTFT: 0.2').classifier.makesUseOf).toEqual([]);
    expect(findStrategy('GTFT')?.classifier.makesUseOf).toEqual(['game']);
  });

  it('strategiesNamed resolves parameterised names in a list', () => {
    expect(strategiesNamed(['Random: 0.2', 'Cycler CD']).map((s) => s.name)).toEqual([
      'Random: 0.2',
      'Cycler CD',
    ]);
  });
});

/** A random value of a parameter's kind, as text, and the value it stands for. */
function valueArbitrary(p: StrategyParameter): fc.Arbitrary<ParameterValue> {
  switch (p.kind) {
    case 'probability':
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5));
    case 'number':
      return fc.double({ min: -2, max: 2, noNaN: true });
    case 'whole':
      return fc.integer({ min: p.minimum ?? 0, max: 400 });
    case 'memory':
      return fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(Infinity));
    case 'actions':
      return fc.stringMatching(/^[CD]{1,12}$/);
    case 'action':
      return fc.constantFrom('C', 'D');
  }
}

const configurable = STRATEGIES.filter((s) => s.parameters.length > 0);

describe('a reported name finds the same player again (property)', () => {
  it('for random values of every parameter of every strategy that takes any', () => {
    const arbitrary = fc
      .constantFrom(...configurable)
      .chain((s) => fc.tuple(fc.constant(s), fc.tuple(...s.parameters.map(valueArbitrary)), fc.boolean()));
    fc.assert(
      fc.property(arbitrary, ([s, values, byKeyword]) => {
        const base = s.name === 'Cycler CCD' ? 'Cycler' : s.name;
        const text = byKeyword
          ? values.map((v, i) => `${s.parameters[i]!.name}=${formatParameterValue(v)}`).join(', ')
          : values.map(formatParameterValue).join(', ');
        const first = lookupStrategy(`${base}: ${text}`);
        if (!('strategy' in first)) return false;
        const again = lookupStrategy(first.strategy.name);
        if (!('strategy' in again) || again.strategy.name !== first.strategy.name) return false;
        // The same rule: game problems (a ZD vector outside [0, 1]) alike, else the same transcript.
        let a: string;
        try {
          a = behaviour(first.strategy);
        } catch {
          return (() => {
            try {
              behaviour(again.strategy);
              return false;
            } catch {
              return true;
            }
          })();
        }
        return behaviour(again.strategy) === a;
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad names are refused, saying what is expected', () => {
  it.each([
    [
      'Random 1.5',
      '"Random 1.5": p (probability of cooperating each turn) must be a number in [0, 1]; got "1.5"',
    ],
    [
      'Cycler CCX',
      '"Cycler CCX": cycle (moves repeated, in order) must be a sequence of the capital letters C and D, e.g. CCD; got "CCX"',
    ],
    ['Tit For Tat: 3', '"Tit For Tat: 3": Tit For Tat takes no parameters'],
    ['Random:', '"Random:": expected values after the name: Random: <p>'],
    [
      'First by Feld: q=0.3',
      '"First by Feld: q=0.3": First by Feld has no parameter "q" (its parameters: start_coop_prob, end_coop_prob, rounds_of_decay)',
    ],
    ['Random: 0.1, 0.2', '"Random: 0.1, 0.2": Random takes 1 parameter (p); got 2 values'],
    [
      'Random: p=0.1, 0.2',
      '"Random: p=0.1, 0.2": a value without a keyword ("0.2") cannot follow keyword=value',
    ],
    ['Random: 0.1, p=0.2', '"Random: 0.1, p=0.2": p is given twice'],
    [
      'First by Feld: 1, 0.5, 0',
      '"First by Feld: 1, 0.5, 0": rounds_of_decay (turns over which the probability falls linearly) must be a whole number ≥ 1; got "0"',
    ],
    [
      'Soft Go By Majority: 2.5',
      '"Soft Go By Majority: 2.5": memory_depth (number of the opponent\'s last moves counted; inf counts them all) must be a whole number of turns ≥ 1, or inf (the whole match); got "2.5"',
    ],
    ['Randm: 0.3', 'unknown strategy "Randm: 0.3"; did you mean "Random"?'],
  ])('%s', (name, message) => {
    expect(problem(name)).toBe(message);
    expect(unknownStrategyMessage(name)).toBe(message);
  });

  it('more words that are not values make an unknown name, with suggestions', () => {
    expect(problem('Random Tit For Tat')).toMatch(/^unknown strategy "Random Tit For Tat"; did you mean/);
    expect(problem('Tit For Tatt')).toMatch(/did you mean "Tit For Tat"/);
  });

  it('every problem names the name it was given, or asks for one', () => {
    expect(problem('  ')).toBe('expected a strategy name such as "Tit For Tat" or "Random: 0.3"');
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        const r = lookupStrategy(name);
        if ('strategy' in r) return true;
        return name.trim() === ''
          ? r.problem.startsWith('expected a strategy name')
          : r.problem.includes(`"${name.trim()}"`);
      }),
      { numRuns: 500 },
    );
  });
});
