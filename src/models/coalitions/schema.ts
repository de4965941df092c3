/**
 * File formats for coalitional games (DESIGN.md, "Coalitional games"), with
 * every problem located to file, line, column and field path:
 *
 * - simple game: weighted `{players?, weights, quota}`, layered
 *   `{players, layers: [{name?, weights, quota}]}` (a coalition must meet
 *   every layer's quota) or listed `{players, minimalWinning: [[names]]}`;
 *   optional `name`, `source`, `notes`, `groups` (group name → players).
 * - TU game `{players, v}` with `v` an object keyed by comma-separated
 *   coalitions (`{"": 0, "A": 1, "A,B": 3}`) or an array in the CoopGame /
 *   GameTheory order (coalitions by size, then lexicographically).
 * - bankruptcy `{players?, estate, claims}`.
 */
import { z } from 'zod';
import { type SourceDocument, validateDocument } from '../../core/document.js';
import { ConcertError, type FieldPath, type Problem } from '../../core/errors.js';
import { defaultPlayerNames, type SimpleGame } from './simple-game.js';
import { MAX_TABLE_PLAYERS, MAX_WORTH, type TuGame, tuGameFromTable } from './tu-game.js';

/** Largest player count accepted in a simple-game file. */
export const MAX_SIMPLE_GAME_PLAYERS = 5000;

const name = z.string().min(1, 'expected a non-empty player name');
const weight = z.number().min(0, 'expected a weight ≥ 0');
const quota = z.number().positive('expected a quota > 0');
const meta = {
  name: z.string().optional(),
  source: z.string().optional(),
  notes: z.union([z.string(), z.array(z.string())]).optional(),
};

export const LayerSchema = z.strictObject({
  name: z.string().optional(),
  weights: z.array(weight).min(1),
  quota,
});

export const SimpleGameFileSchema = z.strictObject({
  ...meta,
  players: z.array(name).min(1).max(MAX_SIMPLE_GAME_PLAYERS).optional(),
  weights: z.array(weight).min(1).max(MAX_SIMPLE_GAME_PLAYERS).optional(),
  quota: quota.optional(),
  layers: z.array(LayerSchema).min(1).optional(),
  minimalWinning: z
    .array(z.array(name).min(1, 'a winning coalition needs at least one member'))
    .min(1)
    .optional(),
  groups: z.record(z.string(), z.array(name)).optional(),
});
export type SimpleGameFile = z.infer<typeof SimpleGameFileSchema>;

const worthRange = `expected a worth within ±${MAX_WORTH.toExponential()} (rescale the game: every solution scales with v)`;
const worth = z.number().min(-MAX_WORTH, worthRange).max(MAX_WORTH, worthRange);

export const TuGameFileSchema = z.strictObject({
  ...meta,
  players: z.array(name).min(1).max(MAX_TABLE_PLAYERS),
  v: z.union([z.record(z.string(), worth), z.array(worth)]),
});

export const BankruptcyFileSchema = z.strictObject({
  ...meta,
  players: z.array(name).min(1).optional(),
  estate: z.number().min(0, 'expected an estate ≥ 0'),
  claims: z.array(z.number().min(0, 'expected a claim ≥ 0')).min(1),
});
export type BankruptcyFile = z.infer<typeof BankruptcyFileSchema>;

/** A simple game read from a file, with its metadata. */
export interface SimpleGameDocument {
  readonly game: SimpleGame;
  readonly name?: string;
  readonly source?: string;
  readonly notes?: readonly string[];
  readonly groups?: Readonly<Record<string, readonly string[]>>;
}

function collector(doc: SourceDocument) {
  const problems: Problem[] = [];
  const add = (path: FieldPath, message: string, key = false) => {
    const pos = doc.locate(path, { key });
    problems.push({ file: doc.file, ...pos, path, message });
  };
  const done = () => {
    if (problems.length > 0) throw new ConcertError('bad-input', problems);
  };
  return { problems, add, done };
}

function checkUniqueNames(names: readonly string[], path: FieldPath, add: (p: FieldPath, m: string) => void) {
  const seen = new Map<string, number>();
  names.forEach((p, i) => {
    const first = seen.get(p);
    if (first !== undefined)
      add([...path, i], `duplicate player "${p}" (first at ${String(path.at(-1))}[${first}])`);
    else seen.set(p, i);
  });
}

function notesOf(notes: string | string[] | undefined): string[] | undefined {
  return notes === undefined ? undefined : typeof notes === 'string' ? [notes] : notes;
}

/**
 * Validates a simple-game document: schema, then exactly one of
 * weights+quota / layers / minimalWinning, lengths matching the players,
 * unique names, known names, and each quota at most its layer's total weight
 * (otherwise no coalition could win). All problems are reported together.
 */
export function readSimpleGame(doc: SourceDocument): SimpleGameDocument {
  const file = validateDocument(SimpleGameFileSchema, doc);
  const { add, done } = collector(doc);
  const forms = [
    file.weights !== undefined || file.quota !== undefined,
    file.layers !== undefined,
    file.minimalWinning !== undefined,
  ];
  const formCount = forms.filter(Boolean).length;
  if (formCount !== 1) {
    add(
      [],
      formCount === 0
        ? 'expected a game: "weights" and "quota", or "layers", or "minimalWinning"'
        : 'give only one of "weights"/"quota", "layers" or "minimalWinning"',
    );
    done();
  }
  if (file.players) checkUniqueNames(file.players, ['players'], add);
  let game: SimpleGame | undefined;
  if (forms[0]) {
    if (file.weights === undefined) add(['quota'], 'a quota needs "weights" beside it');
    if (file.quota === undefined) add(['weights'], 'weights need a "quota" beside them');
    if (file.weights !== undefined && file.quota !== undefined) {
      const players = file.players ?? defaultPlayerNames(file.weights.length);
      if (players.length !== file.weights.length) {
        add(
          ['weights'],
          `expected ${players.length} weights, one per player, but found ${file.weights.length}`,
        );
      }
      const total = file.weights.reduce((a, b) => a + b, 0);
      if (file.quota > total)
        add(['quota'], `quota ${file.quota} is above the total weight ${total}: no coalition can win`);
      game = { kind: 'weighted', players, layers: [{ weights: file.weights, quota: file.quota }] };
    }
  } else if (file.layers) {
    const n = file.players?.length ?? file.layers[0]!.weights.length;
    const players = file.players ?? defaultPlayerNames(n);
    file.layers.forEach((layer, l) => {
      if (layer.weights.length !== n) {
        add(
          ['layers', l, 'weights'],
          `expected ${n} weights, one per player, but found ${layer.weights.length}`,
        );
      }
      const total = layer.weights.reduce((a, b) => a + b, 0);
      if (layer.quota > total) {
        add(
          ['layers', l, 'quota'],
          `quota ${layer.quota} is above the layer's total weight ${total}: no coalition can win`,
        );
      }
    });
    game = {
      kind: 'weighted',
      players,
      layers: file.layers.map((l) => ({ name: l.name, weights: l.weights, quota: l.quota })),
    };
  } else if (file.minimalWinning) {
    if (!file.players) {
      add(['minimalWinning'], 'a game given by its minimal winning coalitions needs "players"');
    } else {
      const index = new Map(file.players.map((p, i) => [p, i] as const));
      const coalitions: number[][] = [];
      file.minimalWinning.forEach((c, k) => {
        const members: number[] = [];
        c.forEach((p, j) => {
          const i = index.get(p);
          if (i === undefined)
            add(
              ['minimalWinning', k, j],
              `unknown player "${p}": expected one of ${file.players!.join(', ')}`,
            );
          else if (members.includes(i))
            add(['minimalWinning', k, j], `player "${p}" listed twice in this coalition`);
          else members.push(i);
        });
        coalitions.push(members.sort((a, b) => a - b));
      });
      game = { kind: 'listed', players: file.players, minimalWinning: coalitions };
    }
  }
  if (file.groups && game) {
    const known = new Set(game.players);
    for (const [g, members] of Object.entries(file.groups)) {
      members.forEach((p, j) => {
        if (!known.has(p)) add(['groups', g, j], `unknown player "${p}" in group "${g}"`);
      });
    }
  }
  done();
  return {
    game: game!,
    name: file.name,
    source: file.source,
    notes: notesOf(file.notes),
    groups: file.groups,
  };
}

/** Bitmasks of all non-empty coalitions of n players in CoopGame order: by size, then lexicographically. */
export function coopGameOrder(n: number): number[] {
  const out: number[] = [];
  const rec = (start: number, left: number, mask: number) => {
    if (left === 0) {
      out.push(mask);
      return;
    }
    for (let i = start; i <= n - left; i++) rec(i + 1, left - 1, mask | (1 << i));
  };
  for (let k = 1; k <= n; k++) rec(0, k, 0);
  return out;
}

/**
 * Validates a TU game document and builds its table. Object form: each key
 * names a coalition by its members, comma-separated in any order; unknown or
 * repeated names, the same coalition twice, v("") ≠ 0 and missing coalitions
 * are all reported (missing ones listed by name). Array form: length 2^n − 1
 * in CoopGame order.
 */
export function readTuGame(doc: SourceDocument): { game: TuGame; name?: string; source?: string } {
  const file = validateDocument(TuGameFileSchema, doc);
  const { add, done } = collector(doc);
  const players = file.players;
  checkUniqueNames(players, ['players'], add);
  done();
  const n = players.length;
  const table = new Float64Array(2 ** n);
  if (Array.isArray(file.v)) {
    const expected = 2 ** n - 1;
    if (file.v.length !== expected) {
      add(
        ['v'],
        `expected ${expected} values (one per non-empty coalition of ${n} players, by size then lexicographically) but found ${file.v.length}`,
      );
      done();
    }
    coopGameOrder(n).forEach((mask, k) => {
      table[mask] = (file.v as number[])[k]!;
    });
    return { game: tuGameFromTable(players, table), name: file.name, source: file.source };
  }
  const index = new Map(players.map((p, i) => [p, i] as const));
  const given = new Uint8Array(2 ** n);
  const keyOf = new Map<number, string>();
  given[0] = 1;
  for (const [key, value] of Object.entries(file.v)) {
    const names = key.trim() === '' ? [] : key.split(',').map((s) => s.trim());
    let mask = 0;
    let ok = true;
    for (const p of names) {
      const i = index.get(p);
      if (i === undefined) {
        add(
          ['v', key],
          `unknown player "${p}" in coalition "${key}": expected one of ${players.join(', ')}`,
          true,
        );
        ok = false;
      } else if (mask & (1 << i)) {
        add(['v', key], `player "${p}" appears twice in coalition "${key}"`, true);
        ok = false;
      } else mask |= 1 << i;
    }
    if (!ok) continue;
    if (mask === 0) {
      if (value !== 0) add(['v', key], `the empty coalition must be worth 0, found ${value}`);
      continue;
    }
    const prior = keyOf.get(mask);
    if (prior !== undefined) {
      add(['v', key], `coalition "${key}" is the same as "${prior}", given earlier`, true);
      continue;
    }
    keyOf.set(mask, key);
    given[mask] = 1;
    table[mask] = value;
  }
  const missing: string[] = [];
  let missingCount = 0;
  for (let mask = 1; mask < given.length; mask++) {
    if (given[mask]) continue;
    missingCount++;
    if (missing.length < 12) missing.push(`"${players.filter((_, i) => mask & (1 << i)).join(',')}"`);
  }
  if (missingCount > 0) {
    add(
      ['v'],
      `missing values for ${missingCount} of the ${2 ** n - 1} coalitions: ${missing.join(', ')}${missingCount > missing.length ? ', …' : ''}`,
    );
  }
  done();
  return { game: tuGameFromTable(players, table), name: file.name, source: file.source };
}

/**
 * Validates a bankruptcy document: claims ≥ 0, estate ≥ 0, estate at most
 * the total claims (else it is not a bankruptcy problem), one name per claim.
 */
export function readBankruptcy(doc: SourceDocument): BankruptcyFile & { players: string[] } {
  const file = validateDocument(BankruptcyFileSchema, doc);
  const { add, done } = collector(doc);
  const players = file.players ?? defaultPlayerNames(file.claims.length);
  if (players.length !== file.claims.length) {
    add(['claims'], `expected ${players.length} claims, one per player, but found ${file.claims.length}`);
  }
  checkUniqueNames(players, ['players'], add);
  const total = file.claims.reduce((a, b) => a + b, 0);
  if (file.estate > total) {
    add(
      ['estate'],
      `estate ${file.estate} exceeds the total claims ${total}: nothing is in dispute, so this is not a bankruptcy problem`,
    );
  }
  done();
  return { ...file, players };
}

/** Which kind of coalitional document this is, by its keys. */
export function coalitionDocumentKind(doc: SourceDocument): 'tu' | 'bankruptcy' | 'simple' {
  const value = doc.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('v' in value) return 'tu';
    if ('estate' in value || 'claims' in value) return 'bankruptcy';
  }
  return 'simple';
}
