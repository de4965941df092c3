/**
 * Reads KTAB's SMP reference logs (examples/smp/doc/*_ref-*.txt, copied from
 * ../shared/data/ktab_smp_ref_*.txt into fixtures/) into the numbers the
 * validation tests compare with: per state the matrices and risk attitudes,
 * per turn the challenges, bargains and bargain elections, the positions and
 * ideals after each turn, the fractional changes, and the final history
 * tables. Bargain ids and the order of threads are not read: they differ
 * between runs (the log's own regression compares numbers only).
 */

const numbers = (line: string): number[] =>
  line
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(Number);

export interface LoggedState {
  values: number[][];
  riskAttitudes: number[];
  utilities: number[][];
  estimates: number[][][];
}

export interface LoggedChallenge {
  turn: number;
  initiator: number;
  target: number;
  worth: number;
  probability: number;
  gain: number;
  targetProbability: number;
  /** [initiator's position, receiver's position] of i's, j's and the compromise bargain (0–100). */
  initiatorView: [number[], number[]];
  targetView: [number[], number[]];
  compromise: [number[], number[]];
}

export interface LoggedElection {
  turn: number;
  actor: number;
  /** "init:rcvr" of each bargain in KTAB's queue order. */
  queue: string[];
  utilities: number[][];
  probabilities: number[];
  chosen: number;
}

export interface KtabLog {
  states: LoggedState[];
  challenges: LoggedChallenge[];
  elections: LoggedElection[];
  /** positions[t][i] and ideals[t][i] for states t ≥ 1 (0–100 scale, 4 decimals). */
  positions: number[][][];
  ideals: number[][][];
  fractionalChanges: number[];
  historyPositions: Map<string, number[]>;
  historyProbabilities: Map<string, number[]>;
}

/** Parses a KTAB SMP log for `n` actors. */
export function parseKtabLog(text: string, n: number): KtabLog {
  const lines = text.split(/\r?\n/);
  const log: KtabLog = {
    states: [],
    challenges: [],
    elections: [],
    positions: [[]],
    ideals: [[]],
    fractionalChanges: [],
    historyPositions: new Map(),
    historyProbabilities: new Map(),
  };
  const matrix = (at: number, rows: number) => lines.slice(at, at + rows).map(numbers);
  let turn = -1;
  let queues = new Map<number, string[]>();
  let uim: number[][] = [];
  const rules: [RegExp, (m: RegExpExecArray, i: number) => void][] = [
    [
      /^Raw actor-pos value matrix/,
      (_, i) =>
        log.states.push({ values: matrix(i + 1, n), riskAttitudes: [], utilities: [], estimates: [] }),
    ],
    [
      /^Inferred risk attitudes/,
      (_, i) => {
        log.states.at(-1)!.riskAttitudes = matrix(i + 1, n).map((r) => r[0]!);
      },
    ],
    [
      /^Risk-aware actor-pos utility matrix/,
      (_, i) => {
        log.states.at(-1)!.utilities = matrix(i + 1, n);
      },
    ],
    [
      /^Estimate by (\d+) of risk-aware utility matrix/,
      (m, i) => {
        log.states.at(-1)!.estimates[Number(m[1])] = matrix(i + 1, n);
      },
    ],
    [
      /^Starting Model::run iteration (\d+)/,
      (m) => {
        turn = Number(m[1]) - 1;
        queues = new Map();
        log.positions[turn + 1] = [];
        log.ideals[turn + 1] = [];
      },
    ],
    [
      /^In turn (\d+) actor (\d+) has most advantageous target (\d+) worth ([-+.\d]+)/,
      (m, i) => {
        const est: RegExpExecArray[] = [];
        let j = i + 1;
        for (; est.length < 4; j++) {
          const e =
            /^Est by\s+(\d+) of prob ([.\d]+) that \[\s*\d+>\s*\d+\], with expected gain to\s+\d+ of ([-+.\d]+)/.exec(
              lines[j]!,
            );
          if (e) est.push(e);
        }
        const proposals: number[][] = [];
        for (; proposals.length < 6; j++) {
          const p = /proposes\s+\d+ adopt:(.*)$/.exec(lines[j]!);
          if (p) proposals.push(numbers(p[1]!));
        }
        log.challenges.push({
          turn: Number(m[1]),
          initiator: Number(m[2]),
          target: Number(m[3]),
          worth: Number(m[4]),
          probability: Number(est[0]![2]),
          gain: Number(est[0]![3]),
          targetProbability: Number(est[2]![2]),
          initiatorView: [proposals[0]!, proposals[1]!],
          targetView: [proposals[2]!, proposals[3]!],
          compromise: [proposals[4]!, proposals[5]!],
        });
      },
    ],
    [
      /^Bargains involving actor\s+(\d+): (.*)$/,
      (m) => {
        queues.set(
          Number(m[1]),
          [...m[2]!.matchAll(/\[\d+, (\d+:\d+)\]/g)].map((x) => x[1]!),
        );
      },
    ],
    [
      /^u_im:/,
      (_, i) => {
        uim = matrix(i + 1, n);
      },
    ],
    [
      /^Doing scalarPCE for the (\d+) bargains of actor (\d+)/,
      (m, i) => {
        const nb = Number(m[1]);
        const actor = Number(m[2]);
        let j = i + 1;
        while (!lines[j]!.startsWith('Probability Opt_i ') || lines[j]!.includes('>')) j++;
        const probabilities = matrix(j + 1, nb).map((r) => r[0]!);
        while (!lines[j]!.startsWith('Chosen bargain')) j++;
        const chosen = /(\d+) out of \d+ bargains/.exec(lines[j]!)!;
        log.elections.push({
          turn,
          actor,
          queue: queues.get(actor)!,
          utilities: uim,
          probabilities,
          chosen: Number(chosen[1]) - 1,
        });
      },
    ],
    [
      /^postn (\d+) , \d+ :/,
      (m, i) => {
        log.positions[turn + 1]![Number(m[1])] = numbers(lines[i + 1]!);
      },
    ],
    [
      /^ideal (\d+) , \d+ :/,
      (m, i) => {
        log.ideals[turn + 1]![Number(m[1])] = numbers(lines[i + 1]!);
      },
    ],
    [
      /^Fractional change compared to first step: ([.\d]+)/,
      (m) => {
        log.fractionalChanges.push(Number(m[1]));
      },
    ],
    [
      /^(.+), prob :(.*)$/,
      (m) => {
        log.historyProbabilities.set(m[1]!, numbers(m[2]!));
      },
    ],
    [
      /^([^,]+), ([^:]+):((?:\s+[.\d]+)+)\s*$/,
      (m) => {
        log.historyPositions.set(`${m[1]}|${m[2]}`, numbers(m[3]!));
      },
    ],
  ];
  lines.forEach((line, i) => {
    for (const [re, handle] of rules) {
      const m = re.exec(line);
      if (m) {
        handle(m, i);
        return;
      }
    }
  });
  return log;
}
