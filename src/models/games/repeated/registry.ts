/**
 * The strategy registry: every strategy Concert ships, looked up by the
 * Axelrod library's name (`Tit For Tat`) or class name (`TitForTat`),
 * ignoring case, spaces and punctuation, and strategies with parameters
 * looked up by a name that carries them (see {@link lookupStrategy}).
 * Unknown names get "did you mean" suggestions by edit distance.
 */
import { ConcertError, type FieldPath, type Problem } from '../../../core/errors.js';
import { type ParameterValue, parameterRange, parseParameterValue } from './parameters.js';
import * as basic from './strategies/basic.js';
import * as cycler from './strategies/cycler.js';
import * as first from './strategies/first-tournament.js';
import * as memoryOne from './strategies/memory-one.js';
import * as tft from './strategies/tit-for-tat.js';
import type { Strategy } from './strategy.js';

/** All strategies, in a stable order (basic, Tit For Tat family, memory-one/ZD, first tournament). */
export const STRATEGIES: readonly Strategy[] = Object.freeze([
  basic.Cooperator,
  basic.Defector,
  basic.Random,
  basic.Alternator,
  basic.Grudger,
  basic.Forgiver,
  basic.Handshake,
  basic.Adaptive,
  basic.SoftGoByMajority,
  basic.HardGoByMajority,
  basic.Prober,
  basic.Prober2,
  basic.Prober3,
  basic.HardProber,
  cycler.CyclerCCD,
  cycler.CyclerDDC,
  cycler.CyclerCCCD,
  cycler.CyclerCCCCCD,
  tft.TitForTat,
  tft.TitFor2Tats,
  tft.TwoTitsForTat,
  tft.SuspiciousTitForTat,
  tft.HardTitForTat,
  tft.HardTitFor2Tats,
  tft.Bully,
  tft.AntiTitForTat,
  tft.SneakyTitForTat,
  tft.SpitefulTitForTat,
  tft.ForgivingTitForTat,
  tft.Gradual,
  tft.ContriteTitForTat,
  tft.OmegaTFT,
  tft.AdaptiveTitForTat,
  memoryOne.WinStayLoseShift,
  memoryOne.WinShiftLoseStay,
  memoryOne.GTFT,
  memoryOne.FirmButFair,
  memoryOne.StochasticCooperator,
  memoryOne.StochasticWSLS,
  memoryOne.SoftJoss,
  memoryOne.ZDExtort2,
  memoryOne.ZDExtort2v2,
  memoryOne.ZDExtort4,
  memoryOne.ZDGTFT2,
  memoryOne.ZDGen2,
  memoryOne.ZDSet2,
  first.FirstByTidemanAndChieruzzi,
  first.FirstByNydegger,
  first.FirstByGrofman,
  first.FirstByShubik,
  first.FirstBySteinAndRapoport,
  first.FirstByDavis,
  first.FirstByGraaskamp,
  first.FirstByDowning,
  first.FirstByFeld,
  first.FirstByJoss,
  first.FirstByTullock,
  first.FirstByAnonymous,
]);

/** Extra names people use for the same rules (Axelrod library "Names:" lists). */
const ALIASES: Readonly<Record<string, string>> = {
  tft: 'Tit For Tat',
  titfortwotats: 'Tit For 2 Tats',
  generoustitfortat: 'GTFT',
  pavlov: 'Win-Stay Lose-Shift',
  wsls: 'Win-Stay Lose-Shift',
  allc: 'Cooperator',
  alld: 'Defector',
  grimtrigger: 'Grudger',
  grim: 'Grudger',
  softgobymajority: 'Soft Go By Majority',
  // The library's general `Cycler` (default cycle CCD): `Cycler DCDDC`.
  cycler: 'Cycler CCD',
};

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byKey = new Map<string, Strategy>();
const byName = new Map<string, Strategy>();
for (const s of STRATEGIES) {
  byKey.set(key(s.name), s);
  byKey.set(key(s.className), s);
  byName.set(s.name, s);
}
for (const [alias, target] of Object.entries(ALIASES)) {
  const s = byKey.get(key(target));
  if (s) byKey.set(alias, s);
}

/** A strategy name resolved: the strategy, or what is wrong with the name and what was expected. */
export type StrategyLookup = { readonly strategy: Strategy } | { readonly problem: string };

/**
 * Resolves a strategy name, with parameters if the strategy takes any.
 *
 * Names are those of the Axelrod library (`Tit For Tat`), its class names
 * (`TitForTat`) and common aliases (`TFT`), in any case. A strategy that
 * takes parameters (its `parameters`; `concert games strategies` lists
 * them) takes them after its name, as the library's `repr` writes a
 * configured player: `Name: v1, v2, …` with the values in the order of the
 * library's constructor, or by keyword, `Name: keyword=value, …`; the colon
 * may be left out (`Random 0.3`). The general cycler is `Cycler <cycle>`
 * (`Cycler DCDDC`; the library's `Cycler: DCDDC` too). Unset parameters keep
 * their defaults, and all defaults give the strategy itself (`Random: 0.5`
 * is `Random`). The resolved strategy's `name` is the canonical name, which
 * resolves to the same rule again.
 *
 * @example
 * lookupStrategy('Random: 0.3'); // => { strategy } with strategy.name 'Random: 0.3'
 * lookupStrategy('Cycler: DCDDC'); // => { strategy } named 'Cycler DCDDC'
 * lookupStrategy('Random 1.5'); // => { problem: '"Random 1.5": p (probability of cooperating each turn) must be a number in [0, 1]; got "1.5"' }
 */
export function lookupStrategy(name: string): StrategyLookup {
  const text = name.trim();
  const colon = text.indexOf(':');
  if (colon < 0) {
    const s = byKey.get(key(text));
    if (s) return { strategy: s };
    // `Name values…`: the longest leading words that name a strategy, the rest as its values.
    const words = text.split(/\s+/);
    for (let k = words.length - 1; k >= 1; k--) {
      const base = byKey.get(key(words.slice(0, k).join(' ')));
      const rest = words.slice(k).join(' ');
      // One word after a strategy with parameters is its value, even a wrong one (`Cycler CCX`).
      const oneWord = !/\s/.test(rest) && (base?.parameters.length ?? 0) > 0;
      if (base && (oneWord || looksLikeValues(rest))) return configure(name, base, rest);
    }
    return { problem: unknownName(name, text) };
  }
  const base = byKey.get(key(text.slice(0, colon)));
  if (!base) return { problem: unknownName(name, text.slice(0, colon)) };
  return configure(name, base, text.slice(colon + 1));
}

/** Numbers, C/D letters or keyword=value pairs: what values look like (not more words of a name). */
function looksLikeValues(text: string): boolean {
  return text.split(/[\s,]+/).every((w) => /^(?:[-+.\d/eE]+|inf|infinity|[CD]+|.*=.*)$/i.test(w));
}

/** The parameter keyword as written (case and `-` for `_` do not matter). */
const keyword = (k: string) => k.trim().toLowerCase().replace(/-/g, '_');

/** The strategy `base` with the values written in `text` (after its name), or the problems with them. */
function configure(name: string, base: Strategy, text: string): StrategyLookup {
  const params = base.parameters;
  const quoted = `"${name.trim()}"`;
  if (params.length === 0 || !base.withParameters)
    return { problem: `${quoted}: ${base.name} takes no parameters` };
  const list = params.map((p) => p.name).join(', ');
  const items = text.includes(',') ? text.split(',') : text.trim().split(/\s+/);
  if (items.every((w) => w.trim() === ''))
    return { problem: `${quoted}: expected values after the name: ${base.usage}` };
  const values: (ParameterValue | null)[] = params.map((p) => p.default);
  const given = new Set<number>();
  const problems: string[] = [];
  let position = 0;
  let named = false;
  for (const raw of items) {
    const eq = raw.indexOf('=');
    let index: number;
    let value: string;
    if (eq >= 0) {
      named = true;
      const k = keyword(raw.slice(0, eq));
      index = params.findIndex((p) => p.name === k);
      value = raw.slice(eq + 1);
      if (index < 0) {
        problems.push(`${base.name} has no parameter "${raw.slice(0, eq).trim()}" (its parameters: ${list})`);
        continue;
      }
    } else {
      if (named) {
        problems.push(`a value without a keyword ("${raw.trim()}") cannot follow keyword=value`);
        continue;
      }
      index = position++;
      value = raw;
      if (index >= params.length) {
        problems.push(
          `${base.name} takes ${params.length} parameter${params.length === 1 ? '' : 's'} (${list}); got ${items.length} values`,
        );
        break;
      }
    }
    const p = params[index]!;
    if (given.has(index)) {
      problems.push(`${p.name} is given twice`);
      continue;
    }
    given.add(index);
    const v = parseParameterValue(p, value);
    if (v === undefined)
      problems.push(`${p.name} (${p.description}) must be ${parameterRange(p)}; got "${value.trim()}"`);
    else values[index] = v;
  }
  if (problems.length > 0) return { problem: `${quoted}: ${problems.join('; ')}` };
  const made = base.withParameters(values);
  // A configured rule that the registry ships under that very name (`Cycler DDC`) is that record.
  return { strategy: byName.get(made.name) ?? made };
}

/**
 * The strategy called `name` (library name, class name or common alias,
 * with parameters if it takes any: {@link lookupStrategy}), or undefined.
 */
export function findStrategy(name: string): Strategy | undefined {
  const r = lookupStrategy(name);
  return 'strategy' in r ? r.strategy : undefined;
}

/** The names of the strategies closest to `name` (edit distance on normalised names), best first. */
export function suggestStrategies(name: string, count = 3): string[] {
  const k = key(name);
  const scored = STRATEGIES.map((s) => {
    const d = Math.min(editDistance(k, key(s.name)), editDistance(k, key(s.className)));
    const contains = key(s.name).includes(k) && k.length >= 3 ? -1 : 0;
    return { name: s.name, score: d + contains };
  });
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const limit = Math.max(3, Math.ceil(k.length / 2));
  return scored
    .filter((s) => s.score <= limit)
    .slice(0, count)
    .map((s) => s.name);
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** An unknown name, with suggestions for the part that should have named a strategy. */
function unknownName(name: string, base: string): string {
  const text = name.trim();
  if (text === '') return 'expected a strategy name such as "Tit For Tat" or "Random: 0.3"';
  const s = suggestStrategies(base.trim());
  return s.length > 0
    ? `unknown strategy "${text}"; did you mean ${s.map((x) => `"${x}"`).join(', ')}?`
    : `unknown strategy "${text}": expected one of the ${STRATEGIES.length} strategies of the registry`;
}

/**
 * The message for a name that {@link findStrategy} does not resolve: an
 * unknown name, with suggestions when some name is close, or a known
 * strategy with parameters it does not take or values out of range, saying
 * what was expected (a command line or a server may add where to find the
 * list).
 *
 * @example
 * unknownStrategyMessage('Tit For Tatt'); // => 'unknown strategy "Tit For Tatt"; did you mean "Tit For Tat", …?'
 * unknownStrategyMessage('Cycler CCX'); // => '"Cycler CCX": cycle (moves repeated, in order) must be a sequence of the capital letters C and D, e.g. CCD; got "CCX"'
 */
export function unknownStrategyMessage(name: string): string {
  const r = lookupStrategy(name);
  return 'problem' in r ? r.problem : unknownName(name, name);
}

/**
 * The strategies called `names`, in order.
 *
 * @throws {ConcertError} bad input with one problem per unknown name, at
 *   `[...path, i]`, with suggestions ({@link unknownStrategyMessage}).
 * @example
 * strategiesNamed(['Tit For Tat', 'Defector']).map((s) => s.name); // => ['Tit For Tat', 'Defector']
 */
export function strategiesNamed(names: readonly string[], path: FieldPath = []): Strategy[] {
  const problems: Problem[] = [];
  const out = names.map((name, i) => {
    const r = lookupStrategy(name);
    if ('problem' in r) problems.push({ path: [...path, i], message: r.problem });
    return 'strategy' in r ? r.strategy : (undefined as unknown as Strategy);
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return out;
}
