/**
 * Bargaining view (docs/models/bargaining.md): KTAB's Spatial Model of
 * Politics run turn by turn (POST /api/bargain, at most 100 actors) on the
 * shipped core-interests problem (data/core-interests-2017.yaml, bundled
 * with the build and sent as JSON, the form the route takes) or on a pasted
 * KTAB CSV, headed CSV, YAML or JSON file. One line chart per dimension
 * shows every actor's position by turn; the table gives the final state
 * beside the initial one and Bueno de Mesquita's weighted median.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import CORE_INTERESTS from '../../../data/core-interests-2017.yaml?raw';
import type { BargainingSchema } from '../../../src/reports/schemas/index.js';
import { api, useApi } from '../api';
import { problemOf } from '../bargainingText';
import { Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { NumberField, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import { codec, useParam } from '../url';

type Bargaining = z.output<typeof BargainingSchema>;

const SHIPPED = 'core-interests-2017';
const SOURCES = [SHIPPED, 'pasted'] as const;
const SOURCE = codec.oneOf(SOURCES);
const MAX_TURNS = 100;
const TURNS = codec.int(1, MAX_TURNS);
const SEED = codec.int(0, 0xffffffff);
const DEFAULT_SEED = 1;
/** Typing waits this long before the text is sent. */
const TYPING_MS = 500;

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const EXAMPLE = `Example,Three actors on one issue,3,1,
Actor,Description,Power,Position,Salience,
A,First actor,100,20,80,
B,Second actor,60,70,50,
C,Third actor,40,90,60,`;

function DimensionChart({ data, k }: { data: Bargaining; k: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dim = data.dimensions[k]!;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : f.fixed(v, 2)) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 20, top: 40, bottom: 44 },
      xAxis: {
        type: 'category',
        name: t('bargaining.turn'),
        nameLocation: 'middle',
        nameGap: 28,
        data: data.states.map((s) => s.turn),
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: t('bargaining.positionAxis'),
        nameLocation: 'middle',
        nameGap: 36,
      },
      series: data.actors.map((a, i) => ({
        type: 'line',
        name: a.id,
        data: data.states.map((s) => s.positions[i]?.[k] ?? null),
        symbolSize: 5,
        showSymbol: data.states.length <= 30,
        lineStyle: { type: (['solid', 'dashed', 'dotted'] as const)[i % 3] },
      })),
    }),
    [data, k, t, f.lang],
  );
  return (
    <div className="panel">
      <h3 lang="en">{dim.name}</h3>
      {(dim.low || dim.high) && (
        <p className="note">
          {t('bargaining.scaleLow')}
          {t('app.colon')}
          <span lang="en">{dim.low ?? '—'}</span>
          <br />
          {t('bargaining.scaleHigh')}
          {t('app.colon')}
          <span lang="en">{dim.high ?? '—'}</span>
        </p>
      )}
      <Chart
        option={option}
        label={t('bargaining.chartLabel', { dimension: dim.name })}
        height={300}
        testId={`bargain-chart-${k}`}
        exportName={`concert-bargain-${dim.id}`}
      />
    </div>
  );
}

function Result({ data }: { data: Bargaining }) {
  const { t } = useTranslation();
  const f = useFormat();
  const first = data.states[0];
  const last = data.states[data.states.length - 1];
  return (
    <>
      <div className="panel">
        <h2 lang="en" data-testid="bargain-title">
          {data.title}
        </h2>
        {data.description && (
          <p className="note" lang="en">
            {data.description}
          </p>
        )}
        <p data-testid="bargain-summary">
          {t(data.stoppedBy === 'converged' ? 'bargaining.converged' : 'bargaining.maxTurns', {
            turns: data.turns,
            max: data.maxTurns,
          })}
        </p>
        <p className="note" data-testid="bargain-options">
          {t('bargaining.options')}
          {t('app.colon')}
          <code>
            {Object.entries(data.options)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </code>
          {data.seed !== null && ` · ${t('bargaining.seed')} ${data.seed}`}
        </p>
      </div>
      {data.dimensions.map((_, k) => (
        <DimensionChart key={data.dimensions[k]!.id} data={data} k={k} />
      ))}
      <div className="panel">
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="bargain-final">
            <caption>{t('bargaining.finalCaption', { turn: last?.turn ?? 0 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bargaining.actor')}</th>
                <th scope="col" className="num">
                  {t('bargaining.capability')}
                </th>
                {data.dimensions.map((d) => (
                  <th key={d.id} scope="col" className="num" lang="en">
                    {d.name}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('bargaining.probability')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.actors.map((a, i) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.id}
                    {a.name !== a.id && (
                      <span className="note" lang="en">
                        {' '}
                        {a.name}
                      </span>
                    )}
                  </th>
                  <td className="num">{f.num(a.capability, 3)}</td>
                  {data.dimensions.map((d, k) => (
                    <td
                      key={d.id}
                      className="num"
                      data-testid={`final-${a.id}-${d.id}`}
                      title={t('bargaining.cellTitle', {
                        initial: f.fixed(first?.positions[i]?.[k] ?? Number.NaN, 2),
                        salience: f.num(a.salience[k] ?? Number.NaN, 1),
                      })}
                    >
                      {f.fixed(last?.positions[i]?.[k] ?? Number.NaN, 2)}
                      <span className="note">
                        {' '}
                        (
                        {t('bargaining.from', {
                          initial: f.fixed(first?.positions[i]?.[k] ?? Number.NaN, 1),
                        })}
                        )
                      </span>
                    </td>
                  ))}
                  <td className="num">{f.fixed(last?.probabilities[i] ?? Number.NaN, 3)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('bargaining.median')}</th>
                <td />
                {data.dimensions.map((d, k) => (
                  <td key={d.id} className="num" data-testid={`median-${d.id}`}>
                    {f.fixed(data.median.final[k] ?? Number.NaN, 2)}
                    <span className="note">
                      {' '}
                      ({t('bargaining.from', { initial: f.fixed(data.median.initial[k] ?? Number.NaN, 1) })})
                    </span>
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        <p className="note">{t('bargaining.tableNote')}</p>
        <DataExport
          name="concert-bargain-final"
          what={t('bargaining.finalCaption', { turn: last?.turn ?? 0 })}
          csv={() => ({
            header: ['actor', 'capability', 'dimension', 'salience', 'initialPosition', 'finalPosition'],
            rows: data.actors.flatMap((a, i) =>
              data.dimensions.map((d, k) => [
                a.id,
                a.capability,
                d.id,
                a.salience[k],
                first?.positions[i]?.[k],
                last?.positions[i]?.[k],
              ]),
            ),
          })}
          json={() => data}
          testId="bargain-export"
        />
        <p className="note">{t('bargaining.positionsByTurn')}</p>
        <DataExport
          name="concert-bargain-positions"
          what={t('bargaining.positionsByTurn')}
          csv={() => ({
            header: ['turn', 'actor', ...data.dimensions.map((d) => d.id)],
            rows: data.states.flatMap((s) =>
              data.actors.map((a, i) => [s.turn, a.id, ...(s.positions[i] ?? [])]),
            ),
          })}
          testId="bargain-positions-export"
        />
      </div>
    </>
  );
}

export default function BargainingView() {
  const { t } = useTranslation();
  const [source, setSource] = useParam('problem', SHIPPED, SOURCE);
  const [text, setText] = useParam('text', '', codec.text);
  const [turns, setTurns] = useParam('turns', MAX_TURNS, TURNS);
  const [seed, setSeed] = useParam('seed', DEFAULT_SEED, SEED);
  const form = useValidity();
  const settledText = useSettled(text, TYPING_MS);
  const sent = source === SHIPPED ? CORE_INTERESTS : settledText;
  const read = useMemo((): { problem: Record<string, unknown> } | { error: unknown } | null => {
    if (sent.trim() === '') return null;
    try {
      return { problem: problemOf(sent) };
    } catch (e) {
      return { error: e };
    }
  }, [sent]);
  const problem = read && 'problem' in read ? read.problem : null;
  const key = problem && form.valid ? JSON.stringify({ problem, turns, seed }) : null;
  const result = useApi(key, (signal) =>
    api<Bargaining>('/api/bargain', { body: { problem, turns, seed }, signal }),
  );
  const labels = {
    problem: t('bargaining.problem'),
    'problem.actors': t('bargaining.actors'),
    'problem.dimensions': t('bargaining.dimensions'),
    'problem.options': t('bargaining.options'),
    turns: t('bargaining.turns'),
    seed: t('bargaining.seed'),
  };
  return (
    <section aria-labelledby="bargaining-h">
      <ViewHeading id="bargaining-h" view="bargaining">
        {t('bargaining.heading')}
      </ViewHeading>
      <p className="intro">{t('bargaining.intro')}</p>
      <div className="controls">
        <label>
          <span>{t('bargaining.problem')}</span>
          <select
            value={source}
            onChange={(e) => setSource(e.target.value as typeof source)}
            data-testid="bargain-source"
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`bargaining.sources.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('bargaining.turns')}
          value={turns}
          min={1}
          max={MAX_TURNS}
          integer
          onChange={(v) => v !== null && setTurns(v)}
          onValidity={form.report('turns')}
          testId="bargain-turns"
        />
        <NumberField
          label={t('bargaining.seed')}
          value={seed}
          min={0}
          max={0xffffffff}
          integer
          size={11}
          onChange={(v) => v !== null && setSeed(v)}
          onValidity={form.report('seed')}
          hint={t('bargaining.seedHint')}
          testId="bargain-seed"
        />
        <span role="status" className="note" data-testid="bargain-status">
          {result.loading ? t('app.running') : ''}
        </span>
      </div>
      {source === SHIPPED ? (
        <p className="note">
          {t('bargaining.shippedNote')}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setText(CORE_INTERESTS);
              setSource('pasted');
            }}
            data-testid="bargain-edit-shipped"
          >
            {t('bargaining.editShipped')}
          </button>
        </p>
      ) : (
        <div>
          <label style={{ display: 'block' }}>
            <span>{t('bargaining.text')}</span>
            <textarea
              style={{ display: 'block', width: '100%', boxSizing: 'border-box', fontFamily: 'monospace' }}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={12}
              spellCheck={false}
              placeholder={EXAMPLE}
              aria-describedby="bargain-text-hint"
              aria-invalid={read !== null && 'error' in read}
              data-testid="bargain-text"
            />
          </label>
          <p id="bargain-text-hint" className="note">
            {t('bargaining.textHint')}
          </p>
        </div>
      )}
      <ErrorNotice
        error={(read && 'error' in read ? read.error : undefined) ?? result.error}
        labels={labels}
        testId="bargain-error"
      />
      {result.data && (
        <div style={result.stale ? { opacity: 0.6 } : undefined}>
          <Result data={result.data} />
        </div>
      )}
    </section>
  );
}
