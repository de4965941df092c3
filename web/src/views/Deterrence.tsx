/**
 * Deterrence view: a nuclear dyad's two strike orders, the retaliatory
 * warheads each side would still deliver and first-strike stability
 * (POST /api/deterrence). Sliders set parameter overrides (arsenal size,
 * generated alert rate, interceptors and their kill probability); every
 * change sends a fresh request and aborts the stale one, so the charts follow
 * the sliders without debouncing.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { useFormat } from '../format';
import type { Deterrence, DeterrenceParameters } from '../types';

interface SideSettings {
  arsenal: number;
  alert: number;
  interceptors: number;
  pk: number | null;
}

const NEUTRAL: SideSettings = { arsenal: 1, alert: 1, interceptors: 1, pk: null };

/**
 * Overrides for one side: launchers and generated alert rates scaled by the
 * side's factors (alert capped at 1), interceptors scaled, Pk set.
 */
function overridesFor(
  side: string,
  s: SideSettings,
  parameters: DeterrenceParameters['parameters'],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { path, value } of parameters) {
    const [group, actor, , field] = path.split('.');
    if (actor !== side) continue;
    if (group === 'forces' && field === 'launchers' && s.arsenal !== 1) out[path] = value * s.arsenal;
    if (group === 'forces' && field === 'alertGenerated' && s.alert !== 1)
      out[path] = Math.min(1, value * s.alert);
    if (group === 'defenses' && field === 'interceptors' && s.interceptors !== 1)
      out[path] = Math.round(value * s.interceptors);
    if (group === 'defenses' && field === 'pk' && s.pk !== null) out[path] = s.pk;
  }
  return out;
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
            <output>{f.pct(s.arsenal, 0)}</output>
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

export default function DeterrenceView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [pair, setPair] = useState<[string, string]>(['USA', 'RUS']);
  const [posture, setPosture] = useState<'generated' | 'day-to-day'>('generated');
  const [sides, setSides] = useState<[SideSettings, SideSettings]>([NEUTRAL, NEUTRAL]);
  const params = useApi(`p/${pair.join(',')}`, (signal) =>
    api<DeterrenceParameters>(`/api/deterrence/parameters?pair=${pair.join(',')}`, { signal }),
  );
  const parameters = params.data?.parameters;
  const overrides = useMemo(
    () =>
      parameters
        ? { ...overridesFor(pair[0], sides[0], parameters), ...overridesFor(pair[1], sides[1], parameters) }
        : null,
    [parameters, pair, sides],
  );
  const result = useApi(
    overrides ? `d/${pair.join(',')}/${posture}/${JSON.stringify(overrides)}` : null,
    (signal) => api<Deterrence>('/api/deterrence', { body: { pair, posture, overrides }, signal }),
  );
  const nuclear = params.data?.nuclearActors ?? ['USA', 'RUS', 'CHN', 'GBR', 'FRA'];
  const hasDefenses = (side: string) =>
    (parameters ?? []).some((p) => p.path.startsWith(`defenses.${side}.`));
  const data = result.data;

  const choose = (k: 0 | 1, v: string) => {
    const next: [string, string] = k === 0 ? [v, pair[1]] : [pair[0], v];
    if (next[0] === next[1]) return;
    setPair(next);
    setSides([NEUTRAL, NEUTRAL]);
  };

  const strikeOption = useMemo<ChartOption>(() => {
    const orders = data?.pairs ?? [];
    const cats = orders.map((o) => t('deterrence.strikes', { attacker: f.country(o.attacker) }));
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
      data: orders.map((o) => Math.round(o[key])),
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 66, right: 20, top: 50, bottom: 50 },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, width: 220, overflow: 'break' } },
      yAxis: { type: 'value', name: t('deterrence.warheads'), nameLocation: 'middle', nameGap: 48 },
      series,
    };
  }, [data, t, f.lang]);

  const stabilityOption = useMemo<ChartOption>(() => {
    const d = data?.dyads[0];
    const cats = d
      ? [
          t('deterrence.ratioOf', { actor: f.country(d.a) }),
          t('deterrence.ratioOf', { actor: f.country(d.b) }),
          t('deterrence.dyadStability'),
        ]
      : [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, width: 170, overflow: 'break' } },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        {
          type: 'bar',
          name: t('deterrence.stability'),
          itemStyle: { color: '#2e7d32' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => f.fixed(p.value, 4) },
          data: d ? [d.ratioA, d.ratioB, d.firstStrikeStability] : [],
        },
      ],
    };
  }, [data, t, f.lang]);

  return (
    <section aria-labelledby="det-h">
      <h1 id="det-h">{t('deterrence.heading')}</h1>
      <p className="intro">{t('deterrence.intro')}</p>
      <div className="controls">
        {([0, 1] as const).map((k) => (
          <label key={k}>
            <span>{k === 0 ? t('deterrence.sideA') : t('deterrence.sideB')}</span>
            <select value={pair[k]} onChange={(e) => choose(k, e.target.value)} data-testid={`side-${k}`}>
              {nuclear.map((id) => (
                <option key={id} value={id}>
                  {f.country(id)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          <span>{t('deterrence.posture')}</span>
          <select value={posture} onChange={(e) => setPosture(e.target.value as 'generated' | 'day-to-day')}>
            <option value="generated">{t('deterrence.generated')}</option>
            <option value="day-to-day">{t('deterrence.dayToDay')}</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setSides([NEUTRAL, NEUTRAL])}>
          {t('deterrence.reset')}
        </button>
        <span role="status" className="note">
          {result.loading ? t('app.loading') : ''}
        </span>
      </div>
      {(params.error ?? result.error) && <p className="error">{(params.error ?? result.error)?.message}</p>}
      <div className="cols2">
        {([0, 1] as const).map((k) => (
          <SideControls
            key={pair[k]}
            side={pair[k]}
            name={f.country(pair[k])}
            s={sides[k]}
            set={(s) => setSides(k === 0 ? [s, sides[1]] : [sides[0], s])}
            hasDefenses={hasDefenses(pair[k])}
          />
        ))}
      </div>
      <div className="cols2">
        <div className="panel">
          <h2>{t('deterrence.strikeOrders')}</h2>
          <Chart option={strikeOption} label={t('deterrence.strikeOrders')} testId="strike-chart" />
        </div>
        <div className="panel">
          <h2>{t('deterrence.stability')}</h2>
          <Chart option={stabilityOption} label={t('deterrence.stability')} testId="stability-chart" />
        </div>
      </div>
      {data && (
        <div className="panel">
          <table data-testid="deterrence-table">
            <thead>
              <tr>
                <th>{t('deterrence.attacker')}</th>
                <th className="num">{t('deterrence.defenderWarheads')}</th>
                <th className="num">{t('deterrence.destroyed')}</th>
                <th className="num">{t('deterrence.surviving')}</th>
                <th className="num">{t('deterrence.delivered')}</th>
                <th className="num">{t('deterrence.stability')}</th>
              </tr>
            </thead>
            <tbody>
              {data.pairs.map((o) => (
                <tr key={o.attacker}>
                  <td>{f.country(o.attacker)}</td>
                  <td className="num">{f.int(o.defenderWarheads)}</td>
                  <td className="num">{f.int(o.expectedDestroyed)}</td>
                  <td className="num">{f.int(o.survivingWarheads)}</td>
                  <td className="num" data-testid={`delivered-${o.defender}`}>
                    {f.int(o.retaliatoryWarheadsDelivered)}
                  </td>
                  <td className="num">{f.fixed(o.firstStrikeStability, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t('deterrence.note')}</p>
        </div>
      )}
    </section>
  );
}
