/**
 * The match-settings flags that `concert games match | moran | replicator`
 * share: turns or continuation, noise, misperception, consultation, the stage
 * game and the seed.
 */
import {
  MAX_STAGE_PAYOFF,
  MAX_TURNS,
  type MatchSettings,
  type StageGame,
} from '../models/games/repeated/index.js';
import type { Flags } from './options.js';

/** Raw option values of the match-settings flags. */
export interface SettingFlags {
  turns?: string;
  continuation?: string;
  noise?: string;
  misperception?: string;
  consultation?: string;
  game?: string;
  seed?: string;
}

/** Reads the shared match flags into `flags` (every problem recorded). */
export function readSettings(flags: Flags, o: SettingFlags): MatchSettings & { seed: number } {
  const opt = <T>(raw: string | undefined, read: (raw: string) => T) =>
    raw === undefined ? undefined : read(raw);
  const turns = opt(o.turns, (r) => flags.integer(r, '--turns', 1, MAX_TURNS));
  const continuationProbability = opt(o.continuation, (r) =>
    flags.number(r, '--continuation', (x) =>
      x >= 0 && x < 1 ? undefined : 'expected a continuation probability in [0, 1)',
    ),
  );
  const noise = opt(o.noise, (r) => flags.probability(r, '--noise'));
  const misperception = opt(o.misperception, (r) => flags.probability(r, '--misperception'));
  const consultation = opt(o.consultation, (r) => flags.probability(r, '--consultation'));
  const seed = flags.seed(o.seed);
  let game: StageGame | undefined;
  if (o.game !== undefined) {
    const parts = o.game.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x)))
      flags.fail('--game', `expected four numbers R,S,T,P (e.g. 3,0,5,1); got "${o.game}"`);
    else if (parts.some((x) => Math.abs(x) > MAX_STAGE_PAYOFF))
      flags.fail(
        '--game',
        `expected payoffs within ±${MAX_STAGE_PAYOFF.toExponential()} (scores are sums over up to ${MAX_TURNS} turns); got "${o.game}"`,
      );
    else {
      const [R, S, T, P] = parts as [number, number, number, number];
      game = { R, S, T, P };
    }
  }
  return { turns, continuationProbability, noise, misperception, consultation, game, seed };
}
