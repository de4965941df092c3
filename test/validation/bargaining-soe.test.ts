/**
 * KTAB's SOE-Pol-Comp reference run reproduced (KAPSARC, KTAB
 * examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt; fixtures copied from
 * ../shared/data/ktab_smp_*): 13 actors of China's policy on state-owned
 * enterprises, 2 dimensions, KTAB's default options, deterministic. Every
 * number is compared to the log's printed precision (half a unit of the last
 * printed digit, plus 1e-9 for the printing of ties).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bestChallenge,
  compileBargaining,
  parseBargaining,
  runBargaining,
} from '../../src/models/bargaining/index.js';
import { parseKtabLog } from './bargaining-log.js';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url);
const CSV = fixture('ktab_smp_soe_pol_comp.csv');
const problem = parseBargaining(readFileSync(CSV, 'utf8'), 'ktab_smp_soe_pol_comp.csv');
const { model, state } = compileBargaining(problem);
const history = runBargaining(model, state);
const log = parseKtabLog(readFileSync(fixture('ktab_smp_ref_soe_pol_comp.txt'), 'utf8'), 13);
const n = 13;
const k = 2;

/** |x − printed| within half a unit of the printed digits. */
function near(x: number, printed: number, decimals: number): boolean {
  return Math.abs(x - printed) <= 0.5 * 10 ** -decimals + 1e-9;
}

function expectPrinted(
  label: string,
  ours: readonly number[],
  printed: readonly number[],
  decimals: number,
): void {
  expect(ours.length, label).toBe(printed.length);
  const off = ours.flatMap((x, i) =>
    near(x, printed[i]!, decimals) ? [] : [`${label}[${i}]: ${x} vs ${printed[i]}`],
  );
  expect(off).toEqual([]);
}

const rows = (m: Float64Array, size: number, from = 0) =>
  Array.from({ length: size }, (_, i) => Array.from(m.subarray(from + i * size, from + (i + 1) * size)));

describe("KTAB's SOE-Pol-Comp reference run", () => {
  it('reads KTAB’s CSV: 13 actors, 2 dimensions, the shared actors table', () => {
    expect(problem.title).toBe('China Policy/Competitive; scen 2');
    expect(problem.dimensions.map((d) => d.id)).toEqual(['Policy Position', 'Competitive Position']);
    const table = readFileSync(fixture('ktab_smp_soe_pol_comp_actors.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([id, name, ...xs]) => [id, name, ...xs.map(Number)]);
    expect(
      problem.actors.map((a) => [
        a.id,
        a.name,
        a.capability,
        a.position[0],
        a.salience[0],
        a.position[1],
        a.salience[1],
      ]),
    ).toEqual(table);
  });

  it('turn 0: the risk-neutral value matrix (the log and the shared 13×13 table)', () => {
    const s0 = history.states[0]!.analysis;
    rows(s0.values, n).forEach((row, i) => {
      expectPrinted(`values[${i}]`, row, log.states[0]!.values[i]!, 3);
    });
    const table = readFileSync(fixture('ktab_smp_soe_pol_comp_turn0_raw_value_matrix.csv'), 'utf8')
      .trim()
      .split('\n');
    rows(s0.values, n).forEach((row, i) => {
      expectPrinted(`table[${i}]`, row, table[i + 1]!.split(',').slice(1).map(Number), 3);
    });
    expect(s0.values[0 * n + 1]).toBeCloseTo(0.592, 3); // XJ's value of LK's position
  });

  it('turn 0: risk attitudes, the objective utility matrix and every actor’s estimate of it', () => {
    const s0 = history.states[0]!.analysis;
    expectPrinted('R', Array.from(s0.riskAttitudes), log.states[0]!.riskAttitudes, 3);
    expect(Array.from(s0.riskAttitudes, (r) => r.toFixed(3))).toEqual([
      '1.000',
      '-0.498',
      '-0.452',
      '0.362',
      '-0.500',
      '-0.500',
      '-0.497',
      '-0.499',
      '-0.452',
      '0.643',
      '-0.383',
      '-0.196',
      '-0.500',
    ]);
    rows(s0.utilities, n).forEach((row, i) => {
      expectPrinted(`U[${i}]`, row, log.states[0]!.utilities[i]!, 4);
    });
    for (let h = 0; h < n; h++) {
      rows(s0.estimates, n, h * n * n).forEach((row, i) => {
        expectPrinted(`U^${h}[${i}]`, row, log.states[0]!.estimates[h]![i]!, 4);
      });
    }
  });

  it('risk attitudes and utility matrices of every state', () => {
    expect(log.states).toHaveLength(28);
    history.states.forEach((s, t) => {
      expectPrinted(`R(${t})`, Array.from(s.riskAttitudes), log.states[t]!.riskAttitudes, 3);
      rows(s.analysis.utilities, n).forEach((row, i) => {
        expectPrinted(`U(${t})[${i}]`, row, log.states[t]!.utilities[i]!, 4);
      });
    });
  });

  it('every turn: each actor’s best target, its worth and probability, and the target’s estimate', () => {
    const ours = history.turns.flatMap((t) =>
      t.challenges.flatMap((c) => (c ? [{ turn: t.turn - 1, ...c }] : [])),
    );
    const logged = [...log.challenges].sort((a, b) => a.turn - b.turn || a.initiator - b.initiator);
    expect(ours.map((c) => [c.turn, c.initiator, c.target])).toEqual(
      logged.map((c) => [c.turn, c.initiator, c.target]),
    );
    ours.forEach((c, x) => {
      const l = logged[x]!;
      const label = `turn ${c.turn} ${c.initiator}→${c.target}`;
      expectPrinted(`${label} worth`, [c.gain], [l.worth], 3);
      expectPrinted(`${label} gain`, [c.gain], [l.gain], 4);
      expectPrinted(`${label} P`, [c.probability], [l.probability], 4);
      expectPrinted(`${label} target's P`, [c.targetProbability], [l.targetProbability], 4);
      const [bi, bj] = [c.bargains[0]!.initiatorPosition, c.bargains[0]!.receiverPosition];
      expectPrinted(
        `${label} bargain`,
        [...bi, ...bj].map((x) => 100 * x),
        [...l.initiatorView[0], ...l.initiatorView[1]],
        3,
      );
    });
    const turn0 = ours
      .filter((c) => c.turn === 0)
      .map((c) => [c.initiator, c.target, c.gain.toFixed(3), c.probability.toFixed(4)]);
    expect(turn0.slice(0, 5)).toEqual([
      [0, 10, '0.046', '0.7676'],
      [1, 5, '0.483', '0.8974'],
      [2, 10, '0.264', '0.7913'],
      [3, 8, '0.198', '0.9361'],
      [4, 5, '0.492', '0.8682'],
    ]);
  });

  it('the bargains KTAB logs but does not use by default: the target’s interpolation (InitRcvrInterp) and the power-weighted compromise (PWCompInterp)', () => {
    const s0 = history.states[0]!;
    for (const bargnModel of ['InitRcvrInterp', 'PWCompInterp'] as const) {
      const m = { ...model, options: { ...model.options, bargnModel } };
      for (const l of log.challenges.filter((c) => c.turn === 0)) {
        const c = bestChallenge(m, state, s0.analysis, l.initiator)!;
        const b = bargnModel === 'InitRcvrInterp' ? c.bargains[1]! : c.bargains[0]!;
        const expected = bargnModel === 'InitRcvrInterp' ? l.targetView : l.compromise;
        expectPrinted(
          `${bargnModel} ${l.initiator}→${l.target}`,
          [...b.initiatorPosition, ...b.receiverPosition].map((x) => 100 * x),
          [...expected[0], ...expected[1]],
          3,
        );
      }
    }
  });

  it('every turn: each actor’s election among its bargains (utilities and probabilities) and the bargain chosen', () => {
    const logged = log.elections;
    expect(logged).toHaveLength(27 * n);
    for (const l of logged) {
      const r = history.turns[l.turn]!.resolutions[l.actor]!;
      const keys = r.queue.map((b) =>
        b === null ? `${l.actor}:${l.actor}` : `${b.initiator}:${b.receiver}`,
      );
      expect([...keys].sort(), `turn ${l.turn} actor ${l.actor}`).toEqual([...l.queue].sort());
      l.queue.forEach((key, m) => {
        const ours = keys.indexOf(key);
        expectPrinted(
          `turn ${l.turn} actor ${l.actor} bargain ${key} p`,
          [r.probabilities[ours]!],
          [l.probabilities[m]!],
          4,
        );
        const column = Array.from({ length: n }, (_, a) => r.utilities[a * keys.length + ours]!);
        expectPrinted(
          `turn ${l.turn} actor ${l.actor} bargain ${key} u`,
          column,
          l.utilities.map((row) => row[m]!),
          5,
        );
      });
      expect(keys[r.chosen], `turn ${l.turn} actor ${l.actor} chose`).toBe(l.queue[l.chosen]);
    }
  });

  it('positions after every turn, to the log’s 4 decimals (0–100), and its history table', () => {
    expect(history.states).toHaveLength(28);
    for (let t = 1; t < 28; t++) {
      const ours = history.states[t]!.positions;
      for (let i = 0; i < n; i++) {
        expectPrinted(
          `x(${t})[${i}]`,
          Array.from(ours.subarray(i * k, i * k + k), (x) => 100 * x),
          log.positions[t]![i]!,
          4,
        );
      }
    }
    for (const [i, a] of problem.actors.entries()) {
      for (const [dim, d] of problem.dimensions.entries()) {
        const printed = log.historyPositions.get(`${a.id}|${d.id}`)!;
        expectPrinted(
          `${a.id} ${d.id}`,
          history.states.map((s) => 100 * s.positions[i * k + dim]!),
          printed,
          1,
        );
      }
    }
  });

  it('the whole sequence of fractional changes: 0.9998, 1.5581, …, 0.0083 (28 states, 27 steps), then stops', () => {
    expect(log.fractionalChanges).toHaveLength(27);
    expect(log.fractionalChanges.slice(0, 2)).toEqual([0.9998, 1.5581]);
    expect(log.fractionalChanges.at(-1)).toBe(0.0083);
    expectPrinted(
      'fractional',
      history.turns.map((t) => t.fractionalChange),
      log.fractionalChanges,
      4,
    );
    expect(history.stoppedBy).toBe('converged');
  });

  it('the probability of every actor’s position in every state, and the final ones', () => {
    problem.actors.forEach((a, i) => {
      expectPrinted(
        `${a.id} prob`,
        history.states.map((s) => s.probabilities[i]!),
        log.historyProbabilities.get(a.id)!,
        4,
      );
    });
    const final = history.states.at(-1)!.probabilities;
    expect(Array.from(final.subarray(0, 3), (p) => p.toFixed(4))).toEqual(['0.2299', '0.2299', '0.1104']);
  });
});
