/**
 * World view: a world map coloured by the chosen power index, the ranked
 * table and a year slider over 1816–2016 (GET /api/powers). Major powers,
 * as the powers model classifies them, are outlined and marked in the table.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { api, useApi } from '../api';
import { alpha3FromNumeric, useFormat } from '../format';
import type { PowerRanking } from '../types';

const WIDTH = 960;
const HEIGHT = 490;
const FIRST_YEAR = 1816;
const LAST_YEAR = 2016;
const TABLE_ROWS = 20;

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const SPHERE = path({ type: 'Sphere' }) ?? '';
const COUNTRIES = (
  feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[]
).map((f, i) => ({ key: `${f.id ?? 'x'}-${i}`, id: alpha3FromNumeric(f.id), d: path(f) ?? '' }));

/** Sequential blue ramp (light → dark) on t ∈ [0, 1]. */
function ramp(t: number): string {
  const from = [0xe3, 0xec, 0xf6];
  const to = [0x08, 0x30, 0x6b];
  const c = from.map((f, k) => Math.round(f + (to[k]! - f) * t));
  return `rgb(${c.join(',')})`;
}

export default function WorldView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [year, setYear] = useState(LAST_YEAR);
  const [index, setIndex] = useState<'cinc' | 'composite'>('cinc');
  const ranking = useApi(`${year}/${index}`, (signal) =>
    api<PowerRanking>(`/api/powers?year=${year}&index=${index}`, { signal }),
  );
  const data = ranking.data;
  const byId = useMemo(() => new Map((data?.actors ?? []).map((a) => [a.id, a])), [data]);
  const maxShare = useMemo(() => Math.max(1e-9, ...(data?.actors ?? []).map((a) => a.share)), [data]);

  return (
    <section aria-labelledby="world-h">
      <h1 id="world-h">{t('world.heading')}</h1>
      <p className="intro">{t('world.intro')}</p>
      <div className="controls">
        <label>
          <span>
            {t('world.year')}
            {t('app.colon')}
            <output data-testid="year-value">{year}</output>
          </span>
          <input
            type="range"
            min={FIRST_YEAR}
            max={LAST_YEAR}
            step={1}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            data-testid="year"
          />
        </label>
        <label>
          <span>{t('world.index')}</span>
          <select value={index} onChange={(e) => setIndex(e.target.value as 'cinc' | 'composite')}>
            <option value="cinc">{t('world.cinc')}</option>
            <option value="composite">{t('world.composite')}</option>
          </select>
        </label>
        <span role="status" className="note">
          {ranking.loading ? t('app.loading') : ''}
        </span>
      </div>
      {ranking.error && <p className="error">{ranking.error.message}</p>}
      <div className="grid2">
        <div className="panel map">
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={t('world.mapLabel', { year, index: t(`world.${index}`) })}
            data-testid="world-map"
            data-year={data?.year}
          >
            <path d={SPHERE} fill="#eef3f8" stroke="#c9d0da" />
            {COUNTRIES.map((c) => {
              const a = c.id !== undefined ? byId.get(c.id) : undefined;
              const fill = a ? ramp(Math.sqrt(a.share / maxShare)) : '#d5d8dc';
              const label = c.id !== undefined ? f.country(c.id, a?.name) : t('world.noData');
              return (
                <path key={c.key} className={a?.major ? 'country major' : 'country'} d={c.d} fill={fill}>
                  <title>{a ? `${label}: ${f.pct(a.share, 2)}` : `${label} — ${t('world.noData')}`}</title>
                </path>
              );
            })}
          </svg>
          <div className="legend" aria-hidden="true">
            <span>{f.pct(0, 0)}</span>
            <svg className="ramp" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <defs>
                <linearGradient id="ramp">
                  <stop offset="0" stopColor={ramp(0)} />
                  <stop offset="1" stopColor={ramp(1)} />
                </linearGradient>
              </defs>
              <rect width="100" height="10" fill="url(#ramp)" />
            </svg>
            <span>{f.pct(maxShare, 1)}</span>
            <span>
              <span className="swatch" /> {t('world.majorKey')}
            </span>
          </div>
          <p className="note" data-testid="map-note">
            {t('world.mapNote')}
          </p>
        </div>
        <div className="panel">
          <h2>{t('world.ranking', { year: data?.year ?? year })}</h2>
          <table data-testid="ranking">
            <thead>
              <tr>
                <th className="num">{t('world.rank')}</th>
                <th>{t('world.country')}</th>
                <th className="num">{t('world.share')}</th>
                <th>{t('world.major')}</th>
              </tr>
            </thead>
            <tbody>
              {(data?.actors ?? []).slice(0, TABLE_ROWS).map((a) => (
                <tr key={a.id} className={a.major ? 'major' : undefined} title={a.reasons.join('; ')}>
                  <td className="num">{f.int(a.rank)}</td>
                  <td>{f.country(a.id, a.name)}</td>
                  <td className="num">{f.pct(a.share, 2)}</td>
                  <td>{a.major ? <span className="badge">{t('world.majorBadge')}</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data?.concentration && (
            <p className="note">
              {t('world.concentration', {
                hhi: f.num(data.concentration.hhi, 3),
                poles: f.num(data.concentration.effectivePoles, 2),
              })}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
