/**
 * The "consultations sustain cooperation" experiment (docs/models/games-repeated.md):
 * a population of 12 strategies plays round-robin tournaments (200 turns, 5
 * repetitions, seed 1) as the error rate rises from 0 to 0.2, for two kinds of
 * error — implementation noise (the executed action is flipped) and
 * misperception (the observation is flipped) — and three consultation
 * probabilities q = 0, 0.5, 1. Prints a Markdown table of the population's
 * cooperation rate and mean payoff per turn (self-play excluded).
 * Run: `npx tsx bench/games-repeated-noise.ts`.
 */
import { playTournament, type TournamentSpec } from '../src/models/games/repeated/index.js';

export const POPULATION = [
  'Tit For Tat',
  'GTFT',
  'Win-Stay Lose-Shift',
  'Contrite Tit For Tat',
  'Tit For 2 Tats',
  'Grudger',
  'Gradual',
  'Suspicious Tit For Tat',
  'ZD-Extort-2',
  'Cooperator',
  'Defector',
  'Random',
];
const RATES = [0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2];
const CONSULTATION = [0, 0.5, 1];

function measure(spec: TournamentSpec): { cooperation: number; payoff: number } {
  const r = playTournament(spec);
  const n = r.players.length;
  return {
    cooperation: r.players.reduce((a, p) => a + p.cooperationRate, 0) / n,
    payoff: r.players.reduce((a, p) => a + p.meanScorePerTurn, 0) / n,
  };
}

const lines: string[] = [];
for (const kind of ['noise', 'misperception'] as const) {
  lines.push(`\n${kind === 'noise' ? 'Implementation noise' : 'Misperception'} (rate p):\n`);
  lines.push(
    `| p | ${CONSULTATION.map((q) => `coop. q=${q}`).join(' | ')} | ${CONSULTATION.map((q) => `payoff q=${q}`).join(' | ')} |`,
  );
  lines.push(`|---|${CONSULTATION.map(() => '---:').join('|')}|${CONSULTATION.map(() => '---:').join('|')}|`);
  for (const p of RATES) {
    const cells = CONSULTATION.map((q) =>
      measure({ players: POPULATION, turns: 200, repetitions: 5, seed: 1, [kind]: p, consultation: q }),
    );
    lines.push(
      `| ${p} | ${cells.map((c) => `${(100 * c.cooperation).toFixed(1)}%`).join(' | ')} | ${cells.map((c) => c.payoff.toFixed(3)).join(' | ')} |`,
    );
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
