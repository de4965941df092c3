/**
 * The strategy registry: every strategy Concert ships, looked up by the
 * Axelrod library's name (`Tit For Tat`) or class name (`TitForTat`),
 * ignoring case, spaces and punctuation. Unknown names get "did you mean"
 * suggestions by edit distance.
 */
import { ConcertError, type FieldPath, type Problem } from '../../../core/errors.js';
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
};

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byKey = new Map<string, Strategy>();
for (const s of STRATEGIES) {
  byKey.set(key(s.name), s);
  byKey.set(key(s.className), s);
}
for (const [alias, target] of Object.entries(ALIASES)) {
  const s = byKey.get(key(target));
  if (s) byKey.set(alias, s);
}

/** The strategy called `name` (library name, class name or common alias), or undefined. */
export function findStrategy(name: string): Strategy | undefined {
  return byKey.get(key(name));
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

/**
 * The message for an unknown strategy name, with suggestions when some name
 * is close (a command line or a server may add where to find the list).
 *
 * @example
 * unknownStrategyMessage('Tit For Tatt'); // => 'unknown strategy "Tit For Tatt"; did you mean "Tit For Tat", …?'
 */
export function unknownStrategyMessage(name: string): string {
  const s = suggestStrategies(name);
  return s.length > 0
    ? `unknown strategy "${name}"; did you mean ${s.map((x) => `"${x}"`).join(', ')}?`
    : `unknown strategy "${name}": expected one of the ${STRATEGIES.length} strategies of the registry`;
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
    const s = findStrategy(name);
    if (!s) problems.push({ path: [...path, i], message: unknownStrategyMessage(name) });
    return s as Strategy;
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return out;
}
