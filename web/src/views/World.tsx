/**
 * World view: a world map coloured by the chosen power index, the ranked
 * table and a year slider over 1816–2016 (GET /api/powers). Major powers,
 * as the powers model classifies them, are outlined and marked in the table.
 * The composite index takes the five dimension weights. The map is reachable
 * by keyboard: focus it and move through the ranked states with the arrow
 * keys.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { api, useApi } from '../api';
import { DataExport, ImageExport } from '../Export';
import { svgOf } from '../exporting';
import { NumberField, useValidity } from '../fields';
import { alpha3FromNumeric, useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { PowerRanking } from '../types';
import { codec, useParam } from '../url';

const WIDTH = 960;
const HEIGHT = 490;
const FIRST_YEAR = 1816;
const LAST_YEAR = 2016;
const TABLE_ROWS = 20;
const DIMENSIONS = ['military', 'economic', 'demographic', 'nuclear', 'diplomatic'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const YEAR = codec.int(FIRST_YEAR, LAST_YEAR);
const INDEX = codec.oneOf(['cinc', 'composite'] as const);
const WEIGHT = codec.num(0, 100);

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

/** Where a share sits on the colour ramp: the square root of its fraction of the largest share (small shares stay visible). */
const rampPosition = (share: number, maxShare: number) => Math.sqrt(Math.max(0, share) / maxShare);

/** Legend ticks: shares at a quarter, half and three quarters of the ramp (square-root scale). */
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export default function WorldView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [year, setYear] = useParam('year', LAST_YEAR, YEAR);
  const [index, setIndex] = useParam('index', 'cinc', INDEX);
  const weightParams = [
    useParam('w.military', 1, WEIGHT),
    useParam('w.economic', 1, WEIGHT),
    useParam('w.demographic', 1, WEIGHT),
    useParam('w.nuclear', 1, WEIGHT),
    useParam('w.diplomatic', 1, WEIGHT),
  ] as const;
  const weights = Object.fromEntries(DIMENSIONS.map((d, k) => [d, weightParams[k]![0]])) as Record<
    Dimension,
    number
  >;
  const validity = useValidity();
  const weightsValid = validity.valid;
  const weightText = DIMENSIONS.map((d) => `${d}=${weights[d]}`).join(',');
  const allZero = DIMENSIONS.every((d) => weights[d] === 0);
  const query =
    index === 'composite'
      ? allZero || !weightsValid
        ? null
        : `year=${year}&index=composite&weights=${encodeURIComponent(weightText)}`
      : `year=${year}&index=cinc`;
  const ranking = useApi(query, (signal) => api<PowerRanking>(`/api/powers?${query}`, { signal }));
  const data = ranking.data;
  const byId = useMemo(() => new Map((data?.actors ?? []).map((a) => [a.id, a])), [data]);
  const maxShare = useMemo(() => Math.max(1e-9, ...(data?.actors ?? []).map((a) => a.share)), [data]);
  const map = useRef<SVGSVGElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const ranked = data?.actors ?? [];
  const focusedActor = focused !== null ? ranked[focused] : undefined;
  const indexLabel = t(`world.${index}`);

  const onMapKey = (e: React.KeyboardEvent) => {
    if (ranked.length === 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      setFocused((k) => (k === null ? 0 : (k + step + ranked.length) % ranked.length));
    } else if (e.key === 'Home') setFocused(0);
    else if (e.key === 'Escape') setFocused(null);
  };

  return (
    <section aria-labelledby="world-h">
      <ViewHeading id="world-h" view="world">
        {t('world.heading')}
      </ViewHeading>
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
          <select
            value={index}
            onChange={(e) => setIndex(e.target.value as 'cinc' | 'composite')}
            data-testid="index"
          >
            <option value="cinc">{t('world.cinc')}</option>
            <option value="composite">{t('world.composite')}</option>
          </select>
        </label>
        <span role="status" className="note">
          {ranking.loading ? t('app.loading') : ''}
        </span>
      </div>
      {index === 'composite' && (
        <fieldset className="panel weights" data-testid="weights">
          <legend>{t('world.weights')}</legend>
          <div className="controls">
            {DIMENSIONS.map((d, k) => (
              <NumberField
                key={d}
                label={t(`world.dimension.${d}`)}
                value={weights[d]}
                min={0}
                max={100}
                size={5}
                onChange={(v) => weightParams[k]![1](v ?? 0)}
                onValidity={validity.report(d)}
                testId={`weight-${d}`}
              />
            ))}
          </div>
          <p className="note">{allZero ? t('world.weightsZero') : t('world.weightsNote')}</p>
        </fieldset>
      )}
      <ErrorNotice error={ranking.error} labels={{ year: t('world.year'), weights: t('world.weights') }} />
      <div className="grid2">
        <div className="panel map">
          <h2 className="sr-only">{t('world.mapHeading')}</h2>
          <div
            className="explore"
            role="slider"
            tabIndex={0}
            aria-valuemin={1}
            aria-valuemax={Math.max(1, ranked.length)}
            aria-valuenow={focusedActor?.rank ?? 1}
            aria-valuetext={
              focusedActor
                ? t('world.focused', {
                    name: f.country(focusedActor.id, focusedActor.name),
                    rank: f.int(focusedActor.rank),
                    share: f.pct(focusedActor.share, 2),
                  })
                : t('world.mapKeys')
            }
            aria-label={t('world.mapExplore', { year, index: indexLabel })}
            aria-describedby="map-keys"
            onKeyDown={onMapKey}
            onBlur={() => setFocused(null)}
            data-testid="map-explore"
          >
            <svg
              ref={map}
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              role="img"
              aria-label={t('world.mapLabel', { year, index: indexLabel })}
              data-testid="world-map"
              data-year={data?.year}
            >
              <title>{t('world.mapLabel', { year, index: indexLabel })}</title>
              <path d={SPHERE} fill="#eef3f8" stroke="#c9d0da" />
              {COUNTRIES.map((c) => {
                const a = c.id !== undefined ? byId.get(c.id) : undefined;
                const fill = a ? ramp(rampPosition(a.share, maxShare)) : '#d5d8dc';
                const label = c.id !== undefined ? f.country(c.id, a?.name) : t('world.noData');
                const isFocused = a !== undefined && a.id === focusedActor?.id;
                return (
                  <path
                    key={c.key}
                    className={`country${a?.major ? ' major' : ''}${isFocused ? ' focused' : ''}`}
                    d={c.d}
                    fill={fill}
                  >
                    <title>{a ? `${label}: ${f.pct(a.share, 2)}` : `${label} — ${t('world.noData')}`}</title>
                  </path>
                );
              })}
            </svg>
          </div>
          <p id="map-keys" className="note">
            {t('world.mapKeys')}
          </p>
          <p className="map-focus" aria-live="polite" data-testid="map-focus">
            {focusedActor
              ? t('world.focused', {
                  name: f.country(focusedActor.id, focusedActor.name),
                  rank: f.int(focusedActor.rank),
                  share: f.pct(focusedActor.share, 2),
                })
              : ''}
          </p>
          <div className="legend" data-testid="legend">
            <span className="legend-title">{t('world.legend', { index: indexLabel })}</span>
            <svg className="ramp" viewBox="0 0 200 26" aria-hidden="true">
              <defs>
                <linearGradient id="ramp">
                  {TICKS.map((p) => (
                    <stop key={p} offset={p} stopColor={ramp(p)} />
                  ))}
                </linearGradient>
              </defs>
              <rect x="4" width="192" height="10" fill="url(#ramp)" />
              {TICKS.map((p) => (
                <g key={p} transform={`translate(${4 + 192 * p},0)`}>
                  <line y1="10" y2="14" stroke="#4a5360" />
                  <text
                    y="24"
                    textAnchor={p === 0 ? 'start' : p === 1 ? 'end' : 'middle'}
                    fontSize="8"
                    fill="#4a5360"
                  >
                    {f.pct(maxShare * p * p, p * p * maxShare < 0.01 ? 2 : 1)}
                  </text>
                </g>
              ))}
            </svg>
            <span>
              <span className="swatch" /> {t('world.majorKey')}
            </span>
            <span className="note">{t('world.rampNote')}</span>
          </div>
          <ImageExport
            name={`concert-world-${index}-${year}`}
            what={t('world.mapHeading')}
            svg={() => (map.current ? svgOf(map.current) : null)}
            testId="map-export"
          />
          <p className="note" data-testid="map-note">
            {t('world.mapNote')}
          </p>
        </div>
        <div className="panel">
          <h2>{t('world.ranking', { year: data?.year ?? year })}</h2>
          <table data-testid="ranking" className={ranking.stale ? 'stale' : undefined}>
            <thead>
              <tr>
                <th className="num">{t('world.rank')}</th>
                <th>{t('world.country')}</th>
                <th className="num">{t('world.share')}</th>
                <th>{t('world.major')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.slice(0, TABLE_ROWS).map((a) => (
                <tr key={a.id} className={a.major ? 'major' : undefined} title={a.reasons.join('; ')}>
                  <td className="num">{f.int(a.rank)}</td>
                  <td>{f.country(a.id, a.name)}</td>
                  <td className="num">{f.pct(a.share, 2)}</td>
                  <td>{a.major ? <span className="badge">{t('world.majorBadge')}</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && (
            <DataExport
              name={`concert-powers-${data.index}-${data.year}`}
              what={t('world.ranking', { year: data.year })}
              csv={() => ({
                header: ['rank', 'id', 'name', 'value', 'share', 'major', 'cowMajor', 'reasons'],
                rows: data.actors.map((a) => [
                  a.rank,
                  a.id,
                  a.name,
                  a.value,
                  a.share,
                  a.major,
                  a.cowMajor,
                  a.reasons.join('; '),
                ]),
              })}
              json={() => data}
              testId="ranking-export"
            />
          )}
          {data?.concentration && (
            <p className="note">
              {t('world.concentration', {
                hhi: f.num(data.concentration.hhi, 3),
                poles: f.num(data.concentration.effectivePoles, 2),
              })}
            </p>
          )}
          <p className="note">{t('world.tableNote', { count: ranked.length })}</p>
        </div>
      </div>
    </section>
  );
}
