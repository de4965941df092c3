/**
 * Deterrence view: a nuclear dyad's two strike orders, the retaliatory
 * warheads each side would still deliver and first-strike stability
 * (POST /api/deterrence). Sliders set parameter overrides (arsenal size,
 * generated alert rate, interceptors and their kill probability); every
 * change sends a fresh request and aborts the stale one, so the charts follow
 * the sliders without debouncing. Launcher and interceptor counts are whole
 * numbers: scaled counts are rounded to the nearest whole launcher or
 * interceptor, and the table says what was sent.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { StateSelect } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { Deterrence, DeterrenceParameters } from '../types';
import { codec, useParam } from '../url';

interface SideSettings {
  arsenal: number;
  alert: number;
  interceptors: number;
  /** null: the data's kill probabilities. */
  pk: number | null;
}

const POSTURE = codec.oneOf(['generated', 'day-to-day'] as const);
const ID = { parse: (s: string) => (/^[A-Z]{3}$/.test(s) ? s : undefined), format: (s: string) => s };
const ARSENAL = codec.num(0.1, 2);
const ALERT = codec.num(0, 2);
const INTERCEPTORS = codec.num(0, 10);
const PK = codec.num(0, 1);

/**
 * Overrides for one side: launchers (whole numbers) and generated alert rates
 * scaled by the side's factors (alert capped at 1), interceptors scaled
 * (whole numbers), Pk set.
 */
export function overridesFor(
  side: string,
  s: SideSettings,
  parameters: DeterrenceParameters['parameters'],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { path, value } of parameters) {
    const [group, actor, , field] = path.split('.');
    if (actor !== side) continue;
    if (group === 'forces' && field === 'launchers' && s.arsenal !== 1)
      out[path] = Math.round(value * s.arsenal);
    if (group === 'forces' && field === 'alertGenerated' && s.alert !== 1)
      out[path] = Math.min(1, value * s.alert);
    if (group === 'defenses' && field === 'interceptors' && s.interceptors !== 1)
      out[path] = Math.round(value * s.interceptors);
    if (group === 'defenses' && field === 'pk' && s.pk !== null) out[path] = s.pk;
  }
  return out;
}

/** A side's sliders, kept in the address as `<name>A`/`<name>B`. */
function useSide(k: 'A' | 'B'): [SideSettings, (s: SideSettings) => void] {
  const [arsenal, setArsenal] = useParam(`arsenal${k}`, 1, ARSENAL);
  const [alert, setAlert] = useParam(`alert${k}`, 1, ALERT);
  const [interceptors, setInterceptors] = useParam(`interceptors${k}`, 1, INTERCEPTORS);
  const [pk, setPk] = useParam(`pk${k}`, Number.NaN, PK);
  const s = { arsenal, alert, interceptors, pk: Number.isNaN(pk) ? null : pk };
  const set = (n: SideSettings) => {
    setArsenal(n.arsenal);
    setAlert(n.alert);
    setInterceptors(n.interceptors);
    setPk(n.pk ?? Number.NaN);
  };
  return [s, set];
}

function SideControls({
  side,
  name,
  s,
  set,
  hasDefenses,
}: {
  side: string;
  name: string;
  s: SideSettings;
  set: (s: SideSettings) => void;
  hasDefenses: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <fieldset className="panel">
      <legend>{name}</legend>
      <div className="controls">
        <label>
          <span>
            {t('deterrence.arsenal')}
            {t('app.colon')}
            <output data-testid={`arsenal-${side}-value`}>{f.pct(s.arsenal, 0)}</output>
          </span>
          <input
            type="range"
            min={0.1}
            max={2}
            step={0.05}
            value={s.arsenal}
            onChange={(e) => set({ ...s, arsenal: Number(e.target.value) })}
            data-testid={`arsenal-${side}`}
          />
        </label>
        <label>
          <span>
            {t('deterrence.alert')}
            {t('app.colon')}
            <output>{f.pct(s.alert, 0)}</output>
          </span>
          <input
            type="range"
            min={0}
            max={2}
            step={0.05}
            value={s.alert}
            onChange={(e) => set({ ...s, alert: Number(e.target.value) })}
            data-testid={`alert-${side}`}
          />
        </label>
        {hasDefenses && (
          <>
            <label>
              <span>
                {t('deterrence.interceptors')}
                {t('app.colon')}
                <output>{f.pct(s.interceptors, 0)}</output>
              </span>
              <input
                type="range"
                min={0}
                max={10}
                step={0.25}
                value={s.interceptors}
                onChange={(e) => set({ ...s, interceptors: Number(e.target.value) })}
                data-testid={`interceptors-${side}`}
              />
            </label>
            <label>
              <span>
                {t('deterrence.pk')}
                {t('app.colon')}
                <output>{s.pk === null ? t('deterrence.asData') : f.fixed(s.pk, 2)}</output>
              </span>
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={s.pk ?? 0.55}
                onChange={(e) => set({ ...s, pk: Number(e.target.value) })}
                data-testid={`pk-${side}`}
              />
            </label>
          </>
        )}
      </div>
    </fieldset>
  );
}

const NEUTRAL: SideSettings = { arsenal: 1, alert: 1, interceptors: 1, pk: null };

export default function DeterrenceView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [a, setA] = useParam('a', 'USA', ID);
  const [b, setB] = useParam('b', 'RUS', ID);
  const [posture, setPosture] = useParam('posture', 'generated', POSTURE);
  const [sideA, setSideA] = useSide('A');
  const [sideB, setSideB] = useSide('B');
  const same = a === b;
  const pair = `${a},${b}`;
  const params = useApi(same ? null : `p/${pair}`, (signal) =>
    api<DeterrenceParameters>(`/api/deterrence/parameters?pair=${pair}`, { signal }),
  );
  const parameters = params.data?.parameters;
  const overrides = useMemo(
    () =>
      parameters ? { ...overridesFor(a, sideA, parameters), ...overridesFor(b, sideB, parameters) } : null,
    [
      parameters,
      a,
      b,
      sideA.arsenal,
      sideA.alert,
      sideA.interceptors,
      sideA.pk,
      sideB.arsenal,
      sideB.alert,
      sideB.interceptors,
      sideB.pk,
    ],
  );
  const result = useApi(
    overrides && !same ? `d/${pair}/${posture}/${JSON.stringify(overrides)}` : null,
    (signal) => api<Deterrence>('/api/deterrence', { body: { pair: [a, b], posture, overrides }, signal }),
  );
  const nuclear = params.data?.nuclearActors ?? [
    'CHN',
    'FRA',
    'GBR',
    'IND',
    'ISR',
    'PAK',
    'PRK',
    'RUS',
    'USA',
  ];
  const hasDefenses = (side: string) =>
    (parameters ?? []).some((p) => p.path.startsWith(`defenses.${side}.`));
  const data = result.data;
  const name = (id: string) => f.country(id, data?.names[id]);

  const choose = (k: 0 | 1, v: string) => {
    if (k === 0) setA(v);
    else setB(v);
    (k === 0 ? setSideA : setSideB)(NEUTRAL);
  };

  const strikeOption = useMemo<ChartOption>(() => {
    const orders = data?.pairs ?? [];
    const cats = orders.map((o) => t('deterrence.strikes', { attacker: name(o.attacker) }));
    const series = (
      [
        ['defenderWarheads', 'deterrence.defenderWarheads', '#7f8c8d'],
        ['expectedDestroyed', 'deterrence.destroyed', '#b3261e'],
        ['survivingWarheads', 'deterrence.surviving', '#1f6fb2'],
        ['retaliatoryWarheadsDelivered', 'deterrence.delivered', '#0b3c7d'],
      ] as const
    ).map(([key, label, color]) => ({
      type: 'bar',
      name: t(label),
      itemStyle: { color },
      data: orders.map((o) => o[key]),
    }));
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => `${f.num(v, 1)} ${t('deterrence.warheadsUnit')}`,
      },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 50, bottom: 50 },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, width: 220, overflow: 'break' } },
      yAxis: {
        type: 'value',
        name: t('deterrence.warheadsAxis'),
        nameLocation: 'middle',
        nameGap: 52,
        axisLabel: { formatter: (v: number) => f.int(v) },
      },
      series,
    };
  }, [data, t, f.lang]);

  const stabilityOption = useMemo<ChartOption>(() => {
    const d = data?.dyads[0];
    const values = d ? [d.ratioA, d.ratioB, d.firstStrikeStability] : [];
    // The axis starts just below the smallest value (not at 0): 0.9998 and 1.0000 must look different.
    const lowest = values.length > 0 ? Math.min(...values) : 0;
    const span = Math.max(1e-4, 1 - lowest);
    const step = 10 ** Math.floor(Math.log10(span));
    const min = Math.max(0, Math.floor((lowest - span * 0.5) / step) * step);
    const cats = d ? [name(d.a), name(d.b), t('deterrence.dyadStability')] : [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.fixed(v, 4) },
      grid: { left: 70, right: 20, top: 30, bottom: 50 },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, width: 170, overflow: 'break' } },
      yAxis: {
        type: 'value',
        min,
        max: 1,
        name: t('deterrence.stabilityAxis'),
        nameLocation: 'middle',
        nameGap: 56,
        axisLabel: { formatter: (v: number) => f.num(v, 4) },
      },
      series: [
        {
          type: 'bar',
          name: t('deterrence.stability'),
          itemStyle: { color: '#2e7d32' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => f.fixed(p.value, 4) },
          data: values,
        },
      ],
    };
  }, [data, t, f.lang]);

  const ratioOf = (attacker: string) => {
    const d = data?.dyads[0];
    if (!d) return null;
    return attacker === d.a ? d.ratioA : attacker === d.b ? d.ratioB : null;
  };
  const overrideCount = Object.keys(overrides ?? {}).length;

  return (
    <section aria-labelledby="det-h">
      <ViewHeading id="det-h" view="deterrence">
        {t('deterrence.heading')}
      </ViewHeading>
      <p className="intro">{t('deterrence.intro')}</p>
      <div className="controls">
        <StateSelect
          label={t('deterrence.sideA')}
          ids={nuclear}
          value={a}
          onChange={(v) => choose(0, v)}
          invalid={same}
          testId="side-0"
        />
        <StateSelect
          label={t('deterrence.sideB')}
          ids={nuclear}
          value={b}
          onChange={(v) => choose(1, v)}
          invalid={same}
          testId="side-1"
        />
        <label>
          <span>{t('deterrence.posture')}</span>
          <select
            value={posture}
            onChange={(e) => setPosture(e.target.value as 'generated' | 'day-to-day')}
            data-testid="posture"
          >
            <option value="generated">{t('deterrence.generated')}</option>
            <option value="day-to-day">{t('deterrence.dayToDay')}</option>
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSideA(NEUTRAL);
            setSideB(NEUTRAL);
          }}
        >
          {t('deterrence.reset')}
        </button>
        <span role="status" className="note" data-testid="deterrence-status">
          {result.loading ? t('app.loading') : ''}
        </span>
      </div>
      {same && (
        <p className="error" role="alert" data-testid="same-state">
          {t('deterrence.sameState')}
        </p>
      )}
      <ErrorNotice
        error={params.error ?? result.error}
        labels={{
          pair: t('deterrence.pair'),
          overrides: t('deterrence.overrides'),
          posture: t('deterrence.posture'),
        }}
        testId="deterrence-error"
      />
      {!same && (
        <div className="cols2">
          <SideControls
            key={`A-${a}`}
            side={a}
            name={name(a)}
            s={sideA}
            set={setSideA}
            hasDefenses={hasDefenses(a)}
          />
          <SideControls
            key={`B-${b}`}
            side={b}
            name={name(b)}
            s={sideB}
            set={setSideB}
            hasDefenses={hasDefenses(b)}
          />
        </div>
      )}
      {data && !same && (
        <>
          <p className="note" data-testid="forces-year">
            {t('deterrence.dataYear', {
              year: data.year,
              forces: data.forcesYear ?? data.year,
              overrides: f.int(overrideCount),
            })}
          </p>
          <div className="cols2">
            <div className="panel">
              <h2>{t('deterrence.strikeOrders')}</h2>
              <Chart
                option={strikeOption}
                label={t('deterrence.strikeOrders')}
                testId="strike-chart"
                exportName={`concert-deterrence-${a}-${b}-strike-orders`}
              />
            </div>
            <div className="panel">
              <h2>{t('deterrence.stability')}</h2>
              <Chart
                option={stabilityOption}
                label={t('deterrence.stability')}
                testId="stability-chart"
                exportName={`concert-deterrence-${a}-${b}-stability`}
              />
              <p className="note">{t('deterrence.axisNote')}</p>
            </div>
          </div>
          <div className="panel">
            <table data-testid="deterrence-table" className={result.stale ? 'stale' : undefined}>
              <caption>{t('deterrence.tableCaption', { year: data.year })}</caption>
              <thead>
                <tr>
                  <th>{t('deterrence.attacker')}</th>
                  <th className="num">{t('deterrence.defenderWarheads')}</th>
                  <th className="num">{t('deterrence.destroyed')}</th>
                  <th className="num">{t('deterrence.surviving')}</th>
                  <th className="num">{t('deterrence.deliveredRange')}</th>
                  <th className="num">{t('deterrence.ratio')}</th>
                </tr>
              </thead>
              <tbody>
                {data.pairs.map((o) => (
                  <tr key={o.attacker}>
                    <td>{name(o.attacker)}</td>
                    <td className="num">{f.int(o.defenderWarheads)}</td>
                    <td className="num">{f.int(o.expectedDestroyed)}</td>
                    <td className="num">{f.int(o.survivingWarheads)}</td>
                    <td className="num" data-testid={`delivered-${o.defender}`}>
                      {f.int(o.retaliatoryWarheadsDelivered)} [{f.int(o.retaliation.q05)}–
                      {f.int(o.retaliation.q95)}]
                    </td>
                    <td className="num" data-testid={`ratio-${o.attacker}`}>
                      {f.fixed(ratioOf(o.attacker), 4)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5}>
                    {t('deterrence.dyadRow')}
                  </th>
                  <td className="num" data-testid="dyad-stability">
                    {f.fixed(data.dyads[0]?.firstStrikeStability ?? null, 4)}
                  </td>
                </tr>
              </tfoot>
            </table>
            <DataExport
              name={`concert-deterrence-${a}-${b}`}
              what={t('deterrence.strikeOrders')}
              csv={() => ({
                header: [
                  'attacker',
                  'defender',
                  'defenderWarheads',
                  'expectedDestroyed',
                  'survivingWarheads',
                  'retaliatoryWarheadsDelivered',
                  'retaliationQ05',
                  'retaliationQ95',
                  'attackerStabilityRatio',
                  'dyadFirstStrikeStability',
                ],
                rows: data.pairs.map((o) => [
                  o.attacker,
                  o.defender,
                  o.defenderWarheads,
                  o.expectedDestroyed,
                  o.survivingWarheads,
                  o.retaliatoryWarheadsDelivered,
                  o.retaliation.q05,
                  o.retaliation.q95,
                  ratioOf(o.attacker),
                  o.firstStrikeStability,
                ]),
              })}
              json={() => data}
              testId="deterrence-export"
            />
            <p className="note">{t('deterrence.note')}</p>
          </div>
        </>
      )}
    </section>
  );
}
