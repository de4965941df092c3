/**
 * Gambit's strategic-form file format (.nfg), version `NFG 1 R` or `NFG 1 D`,
 * in both of its versions (Gambit documentation, "Game representation
 * formats"):
 *
 * - payoff version: header, then one payoff per player for every pure
 *   profile, profiles in order with player 1's strategy varying fastest;
 * - outcome version: header, a list of outcomes `{ "name" u₁, u₂, … }`, then
 *   one outcome number per profile (1-based; 0 means "no outcome", all
 *   payoffs 0).
 *
 * The header is `NFG 1 R "title" { "player" … } STRATEGIES ["comment"]`
 * where STRATEGIES is either counts `{ 3 2 }` or names
 * `{ { "a" "b" "c" } { "x" "y" } }`. Numbers may be integers, decimals,
 * scientific notation or `p/q` rationals; all are read exactly.
 *
 * Reading is a pure text → game function: problems are thrown as one
 * bad-input ConcertError with file, line and column for each.
 */
import { ConcertError, type Problem } from '../../../core/errors.js';
import { makeGame, type NormalFormGame, payoffProblem } from './game.js';
import { type Fraction, formatRational, parseRational } from '../../../core/rational.js';

interface Token {
  readonly kind: '{' | '}' | ',' | 'string' | 'word';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Largest number of pure profiles accepted from a file (a guard against runaway input). */
export const MAX_PROFILES = 5_000_000;

/**
 * Largest number of players accepted from a file: every equilibrium method
 * works on the full table of pure profiles, and with 2 strategies each 22
 * players already give 4 million profiles.
 */
export const MAX_PLAYERS = 64;

/**
 * Largest number of strategies of one player accepted from a file. Counts are
 * checked against this and the profile product against {@link MAX_PROFILES}
 * before any strategy list is built, so a header such as `{ 6 2e9 }` costs
 * nothing.
 */
export const MAX_STRATEGIES = 100_000;

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const advance = (ch: string) => {
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      advance(ch);
      i++;
      continue;
    }
    if (ch === '{' || ch === '}' || ch === ',') {
      tokens.push({ kind: ch, text: ch, line, column });
      advance(ch);
      i++;
      continue;
    }
    if (ch === '"') {
      const startLine = line;
      const startColumn = column;
      advance(ch);
      i++;
      let value = '';
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '\\' && i + 1 < text.length) {
          value += text[i + 1]!;
          advance(c);
          advance(text[i + 1]!);
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          advance(c);
          i++;
          break;
        }
        value += c;
        advance(c);
        i++;
      }
      if (!closed) {
        throw new ConcertError('bad-input', [
          {
            file,
            line: startLine,
            column: startColumn,
            message: 'unterminated string: expected a closing "',
          },
        ]);
      }
      tokens.push({ kind: 'string', text: value, line: startLine, column: startColumn });
      continue;
    }
    const startColumn = column;
    let word = '';
    while (i < text.length && !/[\s{},"]/.test(text[i]!)) {
      word += text[i]!;
      advance(text[i]!);
      i++;
    }
    tokens.push({ kind: 'word', text: word, line, column: startColumn });
  }
  return tokens;
}

class Reader {
  private pos = 0;
  readonly problems: Problem[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    readonly file: string,
    private readonly endLine: number,
    private readonly endColumn: number,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  /** A fatal syntax error at the token (or at the end of the file). */
  fail(token: Token | undefined, expected: string): never {
    const where = token
      ? { line: token.line, column: token.column }
      : { line: this.endLine, column: this.endColumn };
    const found = token ? (token.kind === 'string' ? `"${token.text}"` : `'${token.text}'`) : 'end of file';
    throw new ConcertError('bad-input', [
      ...this.problems,
      { file: this.file, ...where, message: `expected ${expected}, found ${found}` },
    ]);
  }

  expect(kind: Token['kind'], expected: string): Token {
    const t = this.next();
    if (!t || t.kind !== kind) this.fail(t, expected);
    return t;
  }

  problem(token: Token, message: string): void {
    this.problems.push({ file: this.file, line: token.line, column: token.column, message });
  }

  number(token: Token, what: string): Fraction | undefined {
    const r = token.kind === 'word' ? parseRational(token.text) : undefined;
    const bound = r === undefined ? undefined : payoffProblem(r);
    if (r === undefined)
      this.problem(token, `${what}: expected a number (integer, decimal or p/q), found '${token.text}'`);
    else if (bound !== undefined) {
      this.problem(token, `${what}: ${bound}; found '${token.text}'`);
      return undefined;
    }
    return r;
  }
}

function endPosition(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Parses the text of a Gambit .nfg file (payoff or outcome version) into a game. */
export function parseNfg(text: string, file: string): NormalFormGame {
  const end = endPosition(text);
  const r: Reader = new Reader(tokenize(text, file), file, end.line, end.column);
  const magic = r.next();
  if (magic?.text !== 'NFG') r.fail(magic, "'NFG' (a Gambit strategic-form file starts with NFG 1 R)");
  const version = r.next();
  if (version?.text !== '1') r.fail(version, 'format version 1');
  const precision = r.next();
  if (!precision || (precision.text !== 'R' && precision.text !== 'D')) r.fail(precision, "'R' or 'D'");
  const title = r.expect('string', 'the game title in double quotes').text;

  r.expect('{', "'{' opening the list of player names");
  const players: string[] = [];
  const playerTokens: Token[] = [];
  for (let t = r.next(); t?.kind !== '}'; t = r.next()) {
    if (t?.kind !== 'string') r.fail(t, "a player name in double quotes or '}'");
    players.push(t.text);
    playerTokens.push(t);
  }
  if (players.length === 0) r.fail(r.peek(), 'at least one player');
  if (players.length > MAX_PLAYERS) {
    r.problem(
      playerTokens[MAX_PLAYERS]!,
      `too many players: expected at most ${MAX_PLAYERS}, found ${players.length}`,
    );
    throw new ConcertError('bad-input', r.problems);
  }
  const seen = new Set<string>();
  for (const [i, t] of playerTokens.entries()) {
    if (seen.has(players[i]!)) r.problem(t, `duplicate player name "${players[i]}": names must be unique`);
    seen.add(players[i]!);
  }

  const strategiesOpen = r.expect('{', "'{' opening the strategy counts or names");
  const strategies: string[][] = [];
  const first = r.peek();
  if (first?.kind === '{') {
    for (let t = r.next(); t?.kind !== '}'; t = r.next()) {
      if (t?.kind !== '{') r.fail(t, "'{' opening a player's strategy names, or '}'");
      const names: string[] = [];
      for (let s = r.next(); s?.kind !== '}'; s = r.next()) {
        if (s?.kind !== 'string') r.fail(s, "a strategy name in double quotes or '}'");
        names.push(s.text);
      }
      if (names.length === 0)
        r.problem(t, `player ${strategies.length + 1} has no strategies: expected at least one`);
      strategies.push(names);
    }
  } else {
    const counts: number[] = [];
    let product = 1;
    for (let t = r.next(); t?.kind !== '}'; t = r.next()) {
      if (t?.kind !== 'word') r.fail(t, "a strategy count or '}'");
      const n = Number(t.text);
      if (!Number.isInteger(n) || n < 1) {
        r.problem(t, `strategy count: expected a positive integer, found '${t.text}'`);
        counts.push(1);
      } else if (n > MAX_STRATEGIES) {
        r.problem(
          t,
          `strategy count: expected at most ${MAX_STRATEGIES} strategies per player, found ${t.text}`,
        );
        counts.push(1);
      } else {
        counts.push(n);
        product *= n;
      }
    }
    if (product > MAX_PROFILES) {
      r.problem(
        strategiesOpen,
        `game too large: ${product} pure profiles (at most ${MAX_PROFILES}; the product of the strategy counts)`,
      );
    }
    if (r.problems.length > 0) throw new ConcertError('bad-input', r.problems);
    for (const n of counts) strategies.push(Array.from({ length: n }, (_, k) => String(k + 1)));
  }
  if (strategies.length !== players.length) {
    r.problem(
      strategiesOpen,
      `expected one strategy list per player (${players.length}), found ${strategies.length}`,
    );
    throw new ConcertError('bad-input', r.problems);
  }
  const count = strategies.reduce((n, s) => n * Math.max(1, s.length), 1);
  if (count > MAX_PROFILES) {
    r.problem(strategiesOpen, `game too large: ${count} pure profiles (at most ${MAX_PROFILES})`);
    throw new ConcertError('bad-input', r.problems);
  }
  if (r.peek()?.kind === 'string') r.next();

  const N = players.length;
  const payoffs: Fraction[][] = [];
  if (r.peek()?.kind === '{') {
    r.next();
    const outcomes: (Fraction[] | undefined)[] = [];
    for (let t = r.next(); t?.kind !== '}'; t = r.next()) {
      if (t?.kind !== '{') r.fail(t, "'{' opening an outcome, or '}'");
      r.expect('string', 'the outcome name in double quotes');
      const values: Fraction[] = [];
      let ok = true;
      for (let v = r.next(); v?.kind !== '}'; v = r.next()) {
        if (!v) r.fail(v, "a payoff or '}'");
        if (v.kind === ',') continue;
        if (v.kind !== 'word') r.fail(v, "a payoff or '}'");
        const x = r.number(v, `outcome ${outcomes.length + 1}, payoff ${values.length + 1}`);
        if (x === undefined) ok = false;
        else values.push(x);
      }
      if (ok && values.length !== N) {
        r.problem(
          t,
          `outcome ${outcomes.length + 1}: expected ${N} payoffs (one per player), found ${values.length}`,
        );
        ok = false;
      }
      outcomes.push(ok ? values : undefined);
    }
    const zero = players.map(() => parseRational('0')!);
    for (let t = r.next(); t !== undefined; t = r.next()) {
      if (t.kind === ',') continue;
      if (payoffs.length >= count) {
        r.problem(t, `too many outcome numbers: the game has ${count} pure profiles`);
        break;
      }
      const k = t.kind === 'word' ? Number(t.text) : Number.NaN;
      if (!Number.isInteger(k) || k < 0 || k > outcomes.length) {
        r.problem(
          t,
          `profile ${payoffs.length + 1}: expected an outcome number 0..${outcomes.length}, found '${t.text}'`,
        );
        payoffs.push(zero);
        continue;
      }
      payoffs.push(k === 0 ? zero : (outcomes[k - 1] ?? zero));
    }
    if (payoffs.length < count) {
      r.problems.push({
        file,
        line: end.line,
        column: end.column,
        message: `too few outcome numbers: found ${payoffs.length}, expected ${count} (one per pure profile)`,
      });
    }
  } else {
    const flat: Fraction[] = [];
    for (let t = r.next(); t !== undefined; t = r.next()) {
      if (t.kind === ',') continue;
      if (flat.length >= count * N) {
        r.problem(t, `too many payoffs: ${count} profiles × ${N} players = ${count * N} expected`);
        break;
      }
      const x = r.number(t, `payoff ${flat.length + 1}`);
      flat.push(x ?? parseRational('0')!);
    }
    for (let k = 0; k + N <= flat.length; k += N) payoffs.push(flat.slice(k, k + N));
    if (flat.length < count * N) {
      r.problems.push({
        file,
        line: end.line,
        column: end.column,
        message: `too few payoffs: found ${flat.length}, expected ${count * N} (${count} profiles × ${N} players)`,
      });
    }
  }
  if (r.problems.length > 0) throw new ConcertError('bad-input', r.problems);
  return makeGame(players, strategies, payoffs, title);
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Writes a game as Gambit .nfg text (`NFG 1 R`), payoff version by default
 * or outcome version (one outcome per profile). Exact rationals are written
 * as `p/q`, so reading the file back gives the same game.
 */
export function writeNfg(game: NormalFormGame, form: 'payoff' | 'outcome' = 'payoff'): string {
  const lines: string[] = [];
  lines.push(`NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`);
  lines.push('');
  lines.push('{');
  for (const s of game.strategies) lines.push(`{ ${s.map(quote).join(' ')} }`);
  lines.push('}');
  lines.push('""');
  lines.push('');
  if (form === 'payoff') {
    lines.push(game.payoffs.map((p) => p.map(formatRational).join(' ')).join(' '));
  } else {
    lines.push('{');
    for (const p of game.payoffs) lines.push(`{ "" ${p.map(formatRational).join(', ')} }`);
    lines.push('}');
    lines.push(game.payoffs.map((_, k) => String(k + 1)).join(' '));
  }
  return `${lines.join('\n')}\n`;
}
