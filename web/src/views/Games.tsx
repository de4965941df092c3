/**
 * Games view: a two-player payoff-matrix editor with the game's Nash
 * equilibria (POST /api/games/equilibria) and class (POST
 * /api/games/classify), and a round-robin tournament runner for repeated
 * Prisoner's Dilemma strategies (POST /api/games/tournament), every strategy
 * of GET /api/games/strategies pickable by name. The matrix and the
 * tournament settings are kept in the address.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { NumberField, useScrollTo, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { Classification, Equilibria, Strategy, TournamentResult } from '../types';
import { type Codec, codec, useParam } from '../url';

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

/** A matrix in the address, as JSON; anything malformed falls back to the default. */
const MATRIX: Codec<Matrix> = {
  parse: (s) => {
    try {
      const m = JSON.parse(s) as Matrix;
      const ok =
        Array.isArray(m.rows) &&
        Array.isArray(m.cols) &&
        m.rows.length >= 1 &&
        m.rows.length <= 5 &&
        m.cols.length >= 1 &&
        m.cols.length <= 5 &&
        m.payoffs.length === m.rows.length &&
        m.payoffs.every(
          (r) => r.length === m.cols.length && r.every((c) => c.length === 2 && c.every(Number.isFinite)),
        );
      return ok ? m : undefined;
    } catch {
      return undefined;
    }
  },
  format: (m) => JSON.stringify(m),
};
const DEFAULT_MATRIX = PRESETS.prisoners as Matrix;
const DEFAULT_STRATEGIES = ['Tit For Tat', 'Defector', 'Cooperator', 'Grudger', 'Random', 'Alternator'];
const NAMES: Codec<string[]> = {
  parse: (s) => {
    const list = s.split('|').filter((x) => x !== '');
    return list.length > 0 ? list : undefined;
  },
  format: (v) => v.join('|'),
};
const TURNS = codec.int(1, 100_000);
const REPETITIONS = codec.int(1, 1000);
const NOISE = codec.num(0, 1);
const SEED = codec.int(0, 4_294_967_295);

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
  const [m, setM] = useParam('game', DEFAULT_MATRIX, MATRIX);
  const [preset, setPreset] = useState('');
  const cells = useValidity();
  const game = useMemo(
    () => ({ players: ['Row', 'Column'], strategies: [m.rows, m.cols], payoffs: m.payoffs }),
    [m],
  );
  const key = cells.valid ? JSON.stringify(game) : null;
  const eq = useApi(key && `e/${key}`, (signal) =>
    api<Equilibria>('/api/games/equilibria', { body: { game }, signal }),
  );
  const cls = useApi(key && `c/${key}`, (signal) =>
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
  const labels = {
    game: t('games.matrix'),
    'game.strategies': t('games.strategyNames'),
    'game.payoffs': t('games.payoffs'),
  };

  return (
    <div className="panel">
      <h2>{t('games.matrix')}</h2>
      <div className="controls">
        <label>
          <span>{t('games.preset')}</span>
          <select
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value);
              const p = PRESETS[e.target.value];
              if (p) setM(p);
            }}
            data-testid="preset"
          >
            <option value="">{t('games.choosePreset')}</option>
            {Object.keys(PRESETS).map((p) => (
              <option key={p} value={p}>
                {t(`games.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('games.rows')}
          value={m.rows.length}
          min={1}
          max={5}
          integer
          size={3}
          onChange={(v) => v !== null && setM(resize(m, v, m.cols.length))}
          testId="rows"
        />
        <NumberField
          label={t('games.cols')}
          value={m.cols.length}
          min={1}
          max={5}
          integer
          size={3}
          onChange={(v) => v !== null && setM(resize(m, m.rows.length, v))}
          testId="cols"
        />
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
                  data-testid={`col-name-${j}`}
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
                  data-testid={`row-name-${i}`}
                />
              </th>
              {m.cols.map((c, j) => (
                <td key={j}>
                  {([0, 1] as const).map((k) => (
                    <NumberField
                      key={k}
                      hideLabel
                      className="cell"
                      size={4}
                      label={t(k === 0 ? 'games.rowPayoff' : 'games.colPayoff', { row: r, col: c })}
                      value={m.payoffs[i]?.[j]?.[k] ?? 0}
                      onChange={(v) => v !== null && setPayoff(i, j, k, v)}
                      onValidity={cells.report(`${i}.${j}.${k}`)}
                      testId={`payoff-${i}-${j}-${k}`}
                    />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('games.matrixHelp')}</p>
      {!cells.valid && (
        <p className="error" data-testid="matrix-invalid">
          {t('games.fixCells', { count: cells.invalid.size })}
        </p>
      )}
      <ErrorNotice error={eq.error ?? cls.error} labels={labels} testId="games-error" />
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
                  {show(eq.data?.game.strategies[0] ?? m.rows, probs[0])} · {t('games.colPlays')}
                  {t('app.colon')}
                  {show(eq.data?.game.strategies[1] ?? m.cols, probs[1])} · {t('games.payoffsShort')}
                  {t('app.colon')}
                  {(e.exactPayoffs ?? e.payoffs.map((p) => f.num(p, 4))).join(', ')}
                </li>
              );
            })}
          </ol>
          <DataExport
            name="concert-game-equilibria"
            what={t('games.equilibria', { count: eq.data.equilibria.length })}
            json={() => ({ equilibria: eq.data, classification: cls.data })}
            csv={() => ({
              header: ['equilibrium', 'player', 'strategy', 'probability', 'exact', 'payoff'],
              rows: (eq.data?.equilibria ?? []).flatMap((e, n) =>
                e.strategies.flatMap((ps, player) =>
                  ps.map((p, k) => [
                    n + 1,
                    player === 0 ? 'Row' : 'Column',
                    eq.data?.game.strategies[player]?.[k],
                    p,
                    e.exact?.[player]?.[k] ?? '',
                    e.payoffs[player],
                  ]),
                ),
              ),
            })}
            testId="equilibria-export"
          />
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
  const [chosen, setChosen] = useParam('players', DEFAULT_STRATEGIES, NAMES);
  const [turns, setTurns] = useParam('turns', 200, TURNS);
  const [repetitions, setRepetitions] = useParam('repetitions', 5, REPETITIONS);
  const [noise, setNoise] = useParam('noise', 0, NOISE);
  const [seed, setSeed] = useParam('seed', 1, SEED);
  const [filter, setFilter] = useState('');
  const form = useValidity();
  const [request, setRequest] = useState<{
    n: number;
    body: { players: string[]; turns: number; repetitions: number; noise: number; seed: number };
  } | null>(null);
  const result = useApi(request ? String(request.n) : null, (signal) =>
    api<TournamentResult>('/api/games/tournament', { body: request?.body, signal }),
  );
  const results = useRef<HTMLDivElement>(null);
  useScrollTo(results, result.data);
  const run = () =>
    setRequest({ n: (request?.n ?? 0) + 1, body: { players: chosen, turns, repetitions, noise, seed } });
  const all = strategies.data?.strategies ?? [];
  const needle = filter.trim().toLowerCase();
  const listed = all.filter(
    (s) =>
      needle === '' || s.name.toLowerCase().includes(needle) || s.description.toLowerCase().includes(needle),
  );

  const option = useMemo<ChartOption>(() => {
    const ps = result.data?.players ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.fixed(v, 3) },
      grid: { left: 130, right: 24, top: 10, bottom: 40 },
      xAxis: {
        type: 'value',
        name: t('games.meanScoreAxis'),
        nameLocation: 'middle',
        nameGap: 26,
      },
      yAxis: { type: 'category', inverse: true, data: ps.map((p) => p.id) },
      series: [{ type: 'bar', itemStyle: { color: '#1f6fb2' }, data: ps.map((p) => p.meanScorePerTurn) }],
    };
  }, [result.data, t, f.lang]);

  return (
    <div className="panel">
      <h2>{t('games.tournament')}</h2>
      <fieldset data-testid="strategy-picker">
        <legend>{t('games.strategiesCount', { chosen: chosen.length, total: all.length })}</legend>
        <div className="controls">
          <label>
            <span>{t('games.filter')}</span>
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="strategy-filter"
            />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => setChosen([...new Set([...chosen, ...listed.map((s) => s.name)])])}
          >
            {t('games.selectListed')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setChosen(chosen.filter((c) => !listed.some((s) => s.name === c)))}
          >
            {t('games.clearListed')}
          </button>
        </div>
        <div className="strategy-list">
          {listed.map((s) => (
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
        <NumberField
          label={t('games.turns')}
          value={turns}
          min={1}
          max={100_000}
          integer
          onChange={(v) => v !== null && setTurns(v)}
          onValidity={form.report('turns')}
          testId="turns"
        />
        <NumberField
          label={t('games.repetitions')}
          value={repetitions}
          min={1}
          max={1000}
          integer
          onChange={(v) => v !== null && setRepetitions(v)}
          onValidity={form.report('repetitions')}
          testId="repetitions"
        />
        <NumberField
          label={t('games.noise')}
          value={noise}
          min={0}
          max={1}
          onChange={(v) => v !== null && setNoise(v)}
          onValidity={form.report('noise')}
          testId="noise"
        />
        <NumberField
          label={t('games.seed')}
          value={seed}
          min={0}
          max={4_294_967_295}
          integer
          size={10}
          onChange={(v) => v !== null && setSeed(v)}
          onValidity={form.report('seed')}
          testId="seed"
        />
        <button
          type="button"
          onClick={run}
          disabled={chosen.length < 2 || result.loading || !form.valid}
          data-testid="run-tournament"
        >
          {t('games.run')}
        </button>
        <span role="status" className="note">
          {result.loading ? t('app.running') : ''}
        </span>
      </div>
      {chosen.length < 2 && <p className="note">{t('games.needTwo')}</p>}
      <ErrorNotice
        error={result.error}
        labels={{
          players: t('games.strategies'),
          turns: t('games.turns'),
          repetitions: t('games.repetitions'),
          noise: t('games.noise'),
          seed: t('games.seed'),
        }}
        testId="tournament-error"
      />
      {result.data && request && (
        <div ref={results}>
          <table data-testid="tournament">
            <caption>
              {t('games.tournamentCaption', {
                count: request.body.players.length,
                turns: f.int(request.body.turns),
                repetitions: f.int(request.body.repetitions),
                noise: f.num(request.body.noise, 3),
                seed: request.body.seed,
              })}
            </caption>
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
          <DataExport
            name="concert-tournament"
            what={t('games.tournament')}
            csv={() => ({
              header: ['rank', 'strategy', 'totalScore', 'meanScorePerTurn', 'wins', 'cooperationRate'],
              rows: (result.data?.players ?? []).map((p) => [
                p.rank,
                p.id,
                p.totalScore,
                p.meanScorePerTurn,
                p.wins,
                p.cooperationRate,
              ]),
            })}
            json={() => result.data}
            testId="tournament-export"
          />
          <Chart
            option={option}
            label={t('games.meanScore')}
            height={60 + 26 * result.data.players.length}
            exportName="concert-tournament-scores"
            testId="tournament-chart"
          />
        </div>
      )}
    </div>
  );
}

export default function GamesView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="games-h">
      <ViewHeading id="games-h" view="games">
        {t('games.heading')}
      </ViewHeading>
      <p className="intro">{t('games.intro')}</p>
      <div className="cols2">
        <MatrixEditor />
        <Tournament />
      </div>
    </section>
  );
}
