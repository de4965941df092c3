/**
 * Games view: a two-player payoff-matrix editor with the game's Nash
 * equilibria (POST /api/games/equilibria) and class (POST
 * /api/games/classify), and a round-robin tournament runner for repeated
 * Prisoner's Dilemma strategies (POST /api/games/tournament).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { useFormat } from '../format';
import type { Classification, Equilibria, Strategy, TournamentResult } from '../types';

interface Matrix {
  rows: string[];
  cols: string[];
  /** payoffs[i][j] = [row player's, column player's] */
  payoffs: [number, number][][];
}

const PRESETS: Record<string, Matrix> = {
  prisoners: {
    rows: ['C', 'D'],
    cols: ['C', 'D'],
    payoffs: [
      [
        [3, 3],
        [0, 5],
      ],
      [
        [5, 0],
        [1, 1],
      ],
    ],
  },
  chicken: {
    rows: ['Swerve', 'Straight'],
    cols: ['Swerve', 'Straight'],
    payoffs: [
      [
        [3, 3],
        [2, 4],
      ],
      [
        [4, 2],
        [1, 1],
      ],
    ],
  },
  stagHunt: {
    rows: ['Stag', 'Hare'],
    cols: ['Stag', 'Hare'],
    payoffs: [
      [
        [4, 4],
        [1, 3],
      ],
      [
        [3, 1],
        [2, 2],
      ],
    ],
  },
  pennies: {
    rows: ['H', 'T'],
    cols: ['H', 'T'],
    payoffs: [
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    ],
  },
};

const DEFAULT_STRATEGIES = ['Tit For Tat', 'Defector', 'Cooperator', 'Grudger', 'Random', 'Alternator'];

function resize(m: Matrix, rows: number, cols: number): Matrix {
  const name = (list: string[], k: number, p: string) => list[k] ?? `${p}${k + 1}`;
  return {
    rows: Array.from({ length: rows }, (_, i) => name(m.rows, i, 'R')),
    cols: Array.from({ length: cols }, (_, j) => name(m.cols, j, 'C')),
    payoffs: Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => m.payoffs[i]?.[j] ?? ([0, 0] as [number, number])),
    ),
  };
}

function MatrixEditor() {
  const { t } = useTranslation();
  const f = useFormat();
  const [m, setM] = useState<Matrix>(PRESETS.prisoners as Matrix);
  const game = useMemo(
    () => ({ players: ['Row', 'Column'], strategies: [m.rows, m.cols], payoffs: m.payoffs }),
    [m],
  );
  const key = JSON.stringify(game);
  const eq = useApi(`e/${key}`, (signal) =>
    api<Equilibria>('/api/games/equilibria', { body: { game }, signal }),
  );
  const cls = useApi(`c/${key}`, (signal) =>
    api<Classification>('/api/games/classify', { body: { game }, signal }),
  );

  const setPayoff = (i: number, j: number, k: 0 | 1, v: number) =>
    setM({
      ...m,
      payoffs: m.payoffs.map((row, a) =>
        row.map((cell, b) => (a === i && b === j ? (k === 0 ? [v, cell[1]] : [cell[0], v]) : cell)),
      ),
    });
  const rename = (which: 'rows' | 'cols', k: number, v: string) =>
    setM({ ...m, [which]: m[which].map((s, x) => (x === k ? v : s)) });

  return (
    <div className="panel">
      <h2>{t('games.matrix')}</h2>
      <div className="controls">
        <label>
          <span>{t('games.preset')}</span>
          <select
            defaultValue="prisoners"
            onChange={(e) => setM(PRESETS[e.target.value] ?? m)}
            data-testid="preset"
          >
            {Object.keys(PRESETS).map((p) => (
              <option key={p} value={p}>
                {t(`games.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('games.rows')}</span>
          <input
            type="number"
            min={1}
            max={5}
            value={m.rows.length}
            onChange={(e) =>
              setM(resize(m, Math.min(5, Math.max(1, Number(e.target.value) || 1)), m.cols.length))
            }
          />
        </label>
        <label>
          <span>{t('games.cols')}</span>
          <input
            type="number"
            min={1}
            max={5}
            value={m.cols.length}
            onChange={(e) =>
              setM(resize(m, m.rows.length, Math.min(5, Math.max(1, Number(e.target.value) || 1))))
            }
          />
        </label>
      </div>
      <table className="matrix" data-testid="matrix">
        <caption className="sr-only">{t('games.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('games.rowVsCol')}</th>
            {m.cols.map((c, j) => (
              <th key={j} scope="col">
                <input
                  type="text"
                  value={c}
                  aria-label={t('games.colName', { n: j + 1 })}
                  onChange={(e) => rename('cols', j, e.target.value)}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">
                <input
                  type="text"
                  value={r}
                  aria-label={t('games.rowName', { n: i + 1 })}
                  onChange={(e) => rename('rows', i, e.target.value)}
                />
              </th>
              {m.cols.map((c, j) => (
                <td key={j}>
                  {([0, 1] as const).map((k) => (
                    <input
                      key={k}
                      type="number"
                      step="any"
                      value={m.payoffs[i]?.[j]?.[k] ?? 0}
                      aria-label={t(k === 0 ? 'games.rowPayoff' : 'games.colPayoff', { row: r, col: c })}
                      onChange={(e) => setPayoff(i, j, k, Number(e.target.value))}
                    />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('games.matrixHelp')}</p>
      {(eq.error ?? cls.error) && <p className="error">{(eq.error ?? cls.error)?.message}</p>}
      {cls.data && (
        <p data-testid="game-class">
          {t('games.class')}
          {t('app.colon')}
          <strong>{t(`verdict.${cls.data.verdict}`)}</strong>
          {cls.data.twoByTwo ? ` · ${cls.data.twoByTwo.name}` : ''}
        </p>
      )}
      {eq.data && (
        <>
          <h3>{t('games.equilibria', { count: eq.data.equilibria.length })}</h3>
          <ol data-testid="equilibria">
            {eq.data.equilibria.map((e, n) => {
              const probs = e.exact ?? e.strategies.map((s) => s.map((p) => f.num(p, 4)));
              const show = (names: string[], ps: string[] | undefined) =>
                names.map((s, k) => `${s} ${ps?.[k] ?? ''}`).join(', ');
              return (
                <li key={n}>
                  {t('games.rowPlays')}
                  {t('app.colon')}
                  {show(m.rows, probs[0])} · {t('games.colPlays')}
                  {t('app.colon')}
                  {show(m.cols, probs[1])} · {t('games.payoffs')}
                  {t('app.colon')}
                  {(e.exactPayoffs ?? e.payoffs.map((p) => f.num(p, 4))).join(', ')}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}

function Tournament() {
  const { t } = useTranslation();
  const f = useFormat();
  const strategies = useApi('strategies', (signal) =>
    api<{ strategies: Strategy[] }>('/api/games/strategies', { signal }),
  );
  const [chosen, setChosen] = useState<string[]>(DEFAULT_STRATEGIES);
  const [turns, setTurns] = useState(200);
  const [repetitions, setRepetitions] = useState(5);
  const [noise, setNoise] = useState(0);
  const [seed, setSeed] = useState(1);
  const [request, setRequest] = useState<{ n: number; body: object } | null>(null);
  const result = useApi(request ? String(request.n) : null, (signal) =>
    api<TournamentResult>('/api/games/tournament', { body: request?.body, signal }),
  );
  const run = () =>
    setRequest({ n: (request?.n ?? 0) + 1, body: { players: chosen, turns, repetitions, noise, seed } });

  const option = useMemo<ChartOption>(() => {
    const ps = result.data?.players ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: ps.map((p) => p.id) },
      series: [{ type: 'bar', itemStyle: { color: '#1f6fb2' }, data: ps.map((p) => p.meanScorePerTurn) }],
    };
  }, [result.data, t]);

  return (
    <div className="panel">
      <h2>{t('games.tournament')}</h2>
      <fieldset>
        <legend>{t('games.strategies')}</legend>
        <div className="controls">
          {(strategies.data?.strategies ?? []).slice(0, 24).map((s) => (
            <label key={s.name} className="inline" title={`${s.description} (${s.origin})`}>
              <input
                type="checkbox"
                checked={chosen.includes(s.name)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, s.name] : chosen.filter((x) => x !== s.name))
                }
              />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="controls">
        <label>
          <span>{t('games.turns')}</span>
          <input
            type="number"
            min={1}
            max={10000}
            value={turns}
            onChange={(e) => setTurns(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{t('games.repetitions')}</span>
          <input
            type="number"
            min={1}
            max={100}
            value={repetitions}
            onChange={(e) => setRepetitions(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{t('games.noise')}</span>
          <input
            type="number"
            min={0}
            max={1}
            step={0.01}
            value={noise}
            onChange={(e) => setNoise(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{t('games.seed')}</span>
          <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
        <button
          type="button"
          onClick={run}
          disabled={chosen.length < 2 || result.loading}
          data-testid="run-tournament"
        >
          {t('games.run')}
        </button>
        <span role="status" className="note">
          {result.loading ? t('app.running') : ''}
        </span>
      </div>
      {result.error && <p className="error">{result.error.message}</p>}
      {result.data && (
        <>
          <table data-testid="tournament">
            <thead>
              <tr>
                <th className="num">{t('games.rank')}</th>
                <th>{t('games.strategy')}</th>
                <th className="num">{t('games.totalScore')}</th>
                <th className="num">{t('games.meanScore')}</th>
                <th className="num">{t('games.wins')}</th>
                <th className="num">{t('games.cooperation')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.players.map((p) => (
                <tr key={p.id}>
                  <td className="num">{f.int(p.rank)}</td>
                  <td>{p.id}</td>
                  <td className="num">{f.num(p.totalScore, 1)}</td>
                  <td className="num">{f.fixed(p.meanScorePerTurn, 3)}</td>
                  <td className="num">{f.int(p.wins)}</td>
                  <td className="num">{f.pct(p.cooperationRate, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Chart option={option} label={t('games.meanScore')} height={40 + 26 * result.data.players.length} />
        </>
      )}
    </div>
  );
}

export default function GamesView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="games-h">
      <h1 id="games-h">{t('games.heading')}</h1>
      <p className="intro">{t('games.intro')}</p>
      <div className="cols2">
        <MatrixEditor />
        <Tournament />
      </div>
    </section>
  );
}
