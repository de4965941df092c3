/**
 * Security Council view: voting power in the UN Security Council as it is
 * (since 1965), as it was before 1965, and as the shipped reform proposals
 * and counterfactuals would make it (GET /api/coalitions/unsc): per group of
 * seats, the Shapley–Shubik and Banzhaf power of a seat and of the group,
 * and the Council's power to act. A small weighted-voting calculator runs any
 * other simple game (POST /api/coalitions/power).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { NumberField, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { CoalitionPower, Councils } from '../types';
import { codec, useParam } from '../url';

const INDEX = codec.oneOf(['shapleyShubik', 'banzhaf'] as const);
const POWER_INDEX = codec.oneOf([
  'shapley-shubik',
  'banzhaf',
  'deegan-packel',
  'holler-packel',
  'johnston',
] as const);

function WeightedGame() {
  const { t } = useTranslation();
  const f = useFormat();
  const [players, setPlayers] = useState('A, B, C, D');
  const [weights, setWeights] = useState('4, 3, 2, 1');
  const [quota, setQuota] = useState<number | null>(6);
  const [index, setIndex] = useParam('power', 'shapley-shubik', POWER_INDEX);
  const form = useValidity();
  const names = players.split(',').map((s) => s.trim());
  const ws = weights.split(',').map((s) => Number(s.trim()));
  const key = form.valid && quota !== null ? JSON.stringify({ names, ws, quota, index }) : null;
  const power = useApi(key, (signal) =>
    api<CoalitionPower>('/api/coalitions/power', {
      body: { game: { players: names, weights: ws, quota }, index },
      signal,
    }),
  );
  return (
    <div className="panel">
      <h2>{t('council.calculator')}</h2>
      <p className="note">{t('council.calculatorNote')}</p>
      <div className="controls">
        <label>
          <span>{t('council.players')}</span>
          <input
            type="text"
            size={24}
            value={players}
            onChange={(e) => setPlayers(e.target.value)}
            data-testid="power-players"
          />
        </label>
        <label>
          <span>{t('council.weights')}</span>
          <input
            type="text"
            size={16}
            value={weights}
            onChange={(e) => setWeights(e.target.value)}
            data-testid="power-weights"
          />
        </label>
        <NumberField
          label={t('council.quota')}
          value={quota}
          min={0}
          onChange={setQuota}
          onValidity={form.report('quota')}
          testId="power-quota"
        />
        <label>
          <span>{t('council.index')}</span>
          <select
            value={index}
            onChange={(e) => setIndex(e.target.value as typeof index)}
            data-testid="power-index"
          >
            {POWER_INDEX_VALUES.map((p) => (
              <option key={p} value={p}>
                {t(`council.indices.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice
        error={power.error}
        labels={{
          game: t('council.game'),
          'game.players': t('council.players'),
          'game.weights': t('council.weights'),
          'game.quota': t('council.quota'),
        }}
        testId="power-error"
      />
      {power.data && (
        <>
          <table data-testid="power-table">
            <thead>
              <tr>
                <th>{t('council.player')}</th>
                <th className="num">{t('council.value')}</th>
                <th className="num">{t('council.exact')}</th>
              </tr>
            </thead>
            <tbody>
              {power.data.values.map((v) => (
                <tr key={v.player}>
                  <td>{v.player}</td>
                  <td className="num">{f.fixed(v.value, 4)}</td>
                  <td className="num">{v.exact ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">
            {t('council.vetoPlayers')}
            {t('app.colon')}
            {power.data.vetoPlayers.length > 0
              ? power.data.vetoPlayers.join(t('app.listSeparator'))
              : t('council.none')}
          </p>
          <DataExport
            name={`concert-power-${index}`}
            what={t('council.calculator')}
            csv={() => ({
              header: ['player', 'value', 'exact'],
              rows: (power.data?.values ?? []).map((v) => [v.player, v.value, v.exact ?? '']),
            })}
            json={() => power.data}
          />
        </>
      )}
    </div>
  );
}

const POWER_INDEX_VALUES = [
  'shapley-shubik',
  'banzhaf',
  'deegan-packel',
  'holler-packel',
  'johnston',
] as const;

/** A group's name in words: permanent (veto) / elected / permanent without veto, from the API's group label. */
function useGroupLabel() {
  const { t } = useTranslation();
  return (group: string, seats: number) => {
    const kind = /no veto/.test(group)
      ? 'permanentNoVeto'
      : /permanent/.test(group)
        ? 'permanent'
        : /elected/.test(group)
          ? 'elected'
          : null;
    return kind ? t(`council.group.${kind}`, { count: seats }) : group;
  };
}

export default function CouncilView() {
  const { t } = useTranslation();
  const f = useFormat();
  const councils = useApi('unsc', (signal) => api<Councils>('/api/coalitions/unsc', { signal }));
  const [index, setIndex] = useParam('index', 'shapleyShubik', INDEX);
  const groupLabel = useGroupLabel();
  const data = councils.data;
  const option = useMemo<ChartOption>(() => {
    const cs = data?.councils ?? [];
    const per = (c: Councils['councils'][number], kind: 'permanent' | 'elected') => {
      const g = c.groups.find((x) =>
        kind === 'elected' ? /elected/.test(x.group) : /permanent/.test(x.group) && !/no veto/.test(x.group),
      );
      if (!g) return null;
      return index === 'shapleyShubik' ? g.shapleyShubikPerSeat.value : g.banzhafPerSeat.value;
    };
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : f.fixed(v, 5)) },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 90 },
      xAxis: {
        type: 'category',
        data: cs.map((c) => t(`council.councils.${c.id}`, { defaultValue: c.id })),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: {
        type: 'log',
        name: t('council.perSeatAxis', { index: t(`council.indexName.${index}`) }),
        nameLocation: 'middle',
        nameGap: 54,
        axisLabel: { formatter: (v: number) => f.num(v, 5) },
      },
      series: [
        {
          type: 'line',
          name: t('council.seatPermanent'),
          lineStyle: { opacity: 0 },
          symbol: 'circle',
          symbolSize: 14,
          itemStyle: { color: '#0b3c7d' },
          data: cs.map((c) => per(c, 'permanent')),
        },
        {
          type: 'line',
          name: t('council.seatElected'),
          lineStyle: { opacity: 0 },
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#4a8fc7' },
          data: cs.map((c) => per(c, 'elected')),
        },
      ],
    };
  }, [data, index, t, f.lang]);

  return (
    <section aria-labelledby="council-h">
      <ViewHeading id="council-h" view="council">
        {t('council.heading')}
      </ViewHeading>
      <p className="intro">{t('council.intro')}</p>
      <div className="controls">
        <label>
          <span>{t('council.chartIndex')}</span>
          <select
            value={index}
            onChange={(e) => setIndex(e.target.value as typeof index)}
            data-testid="council-index"
          >
            <option value="shapleyShubik">{t('council.indexName.shapleyShubik')}</option>
            <option value="banzhaf">{t('council.indexName.banzhaf')}</option>
          </select>
        </label>
        <span role="status" className="note">
          {councils.loading ? t('app.loading') : ''}
        </span>
      </div>
      <ErrorNotice error={councils.error} />
      {data && (
        <>
          <div className="panel">
            <h2>{t('council.chart')}</h2>
            <Chart
              option={option}
              label={t('council.chart')}
              height={380}
              testId="council-chart"
              exportName={`concert-unsc-${index}`}
            />
            <p className="note">{t('council.logNote')}</p>
          </div>
          <div className="panel">
            <table data-testid="council-table">
              <caption>{t('council.tableCaption')}</caption>
              <thead>
                <tr>
                  <th>{t('council.council')}</th>
                  <th className="num">{t('council.seats')}</th>
                  <th>{t('council.groupHeader')}</th>
                  <th className="num">{t('council.ssSeat')}</th>
                  <th className="num">{t('council.ssGroup')}</th>
                  <th className="num">{t('council.bzSeat')}</th>
                  <th className="num">{t('council.penroseSeat')}</th>
                  <th className="num">{t('council.powerToAct')}</th>
                </tr>
              </thead>
              <tbody>
                {data.councils.flatMap((c) =>
                  c.groups.map((g, k) => (
                    <tr key={`${c.id}-${g.group}`} className={k === 0 ? 'group-start' : undefined}>
                      {k === 0 && (
                        <th scope="rowgroup" rowSpan={c.groups.length} title={c.source ?? undefined}>
                          {t(`council.councils.${c.id}`, { defaultValue: c.id })}
                        </th>
                      )}
                      {k === 0 && (
                        <td className="num" rowSpan={c.groups.length}>
                          {f.int(c.members)}
                        </td>
                      )}
                      <td>{groupLabel(g.group, g.seats)}</td>
                      <td className="num">{f.fixed(g.shapleyShubikPerSeat.value, 5)}</td>
                      <td className="num">{f.fixed(g.shapleyShubikTotal.value, 4)}</td>
                      <td className="num">{f.fixed(g.banzhafPerSeat.value, 5)}</td>
                      <td className="num">{f.fixed(g.banzhafAbsolutePerSeat.value, 5)}</td>
                      {k === 0 && (
                        <td className="num" rowSpan={c.groups.length}>
                          {f.fixed(c.powerToAct.value, 4)}
                        </td>
                      )}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            <DataExport
              name="concert-unsc"
              what={t('council.tableCaption')}
              csv={() => ({
                header: [
                  'council',
                  'members',
                  'group',
                  'seats',
                  'shapleyShubikPerSeat',
                  'shapleyShubikPerSeatExact',
                  'shapleyShubikTotal',
                  'banzhafPerSeat',
                  'banzhafAbsolutePerSeat',
                  'powerToAct',
                  'powerToActExact',
                ],
                rows: data.councils.flatMap((c) =>
                  c.groups.map((g) => [
                    c.id,
                    c.members,
                    g.group,
                    g.seats,
                    g.shapleyShubikPerSeat.value,
                    g.shapleyShubikPerSeat.exact,
                    g.shapleyShubikTotal.value,
                    g.banzhafPerSeat.value,
                    g.banzhafAbsolutePerSeat.value,
                    c.powerToAct.value,
                    c.powerToAct.exact,
                  ]),
                ),
              })}
              json={() => data}
              testId="council-export"
            />
          </div>
          <div className="panel">
            <h2>{t('council.sourcesHeading')}</h2>
            <dl className="council-sources">
              {data.councils.map((c) => (
                <div key={c.id}>
                  <dt>{t(`council.councils.${c.id}`, { defaultValue: c.id })}</dt>
                  <dd lang="en">
                    {c.name}. {c.source} <code>{c.file}</code>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </>
      )}
      <WeightedGame />
    </section>
  );
}
