/**
 * Relations view: the signed network of the chosen actors (Cytoscape;
 * positive ties blue and solid, negative ties red and dashed, width by
 * |score|), structural balance measures with the frustrated edges
 * highlighted (GET /api/balance), the strategic triangle of three actors
 * (GET /api/triangle) and a what-if edit of one relation
 * (POST /api/balance/whatif).
 */
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { CHART_FONT } from '../Chart';
import { useFormat } from '../format';
import type { Balance, RelationRecord, Triangle, WhatIf } from '../types';

const DEFAULT_ACTORS = 'USA, CHN, RUS, JPN, DEU, GBR, FRA, IND';

function parseActors(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== ''),
    ),
  ];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function Network({
  actors,
  relations,
  frustrated,
  label,
  names,
}: {
  actors: string[];
  relations: readonly Pick<RelationRecord, 'a' | 'b' | 'score'>[];
  frustrated: Set<string>;
  label: string;
  names: (id: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const core = cytoscape({
      container: box.current,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': '#34495e',
            label: 'data(label)',
            color: '#1b1f24',
            'font-size': 13,
            'font-family': CHART_FONT,
            'text-valign': 'bottom',
            'text-margin-y': 6,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.9,
            'text-background-padding': '2px',
            'text-wrap': 'wrap',
            'text-max-width': '110px',
            width: 22,
            height: 22,
          },
        },
        {
          selector: 'edge',
          style: { width: 'data(width)', 'curve-style': 'straight', opacity: 0.9 },
        },
        { selector: 'edge[score > 0]', style: { 'line-color': '#1f6fb2', 'line-style': 'solid' } },
        {
          selector: 'edge[score < 0]',
          style: { 'line-color': '#b3261e', 'line-style': 'dashed', 'line-dash-pattern': [8, 5] },
        },
        {
          selector: 'edge.frustrated',
          style: { 'underlay-color': '#f5b700', 'underlay-opacity': 0.75, 'underlay-padding': 5 },
        },
      ],
    });
    cy.current = core;
    return () => {
      core.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.elements().remove();
    core.add([
      ...actors.map((id) => ({ group: 'nodes' as const, data: { id, label: names(id) } })),
      ...relations
        .filter((r) => r.score !== 0 && actors.includes(r.a) && actors.includes(r.b))
        .map((r) => ({
          group: 'edges' as const,
          data: {
            id: pairKey(r.a, r.b),
            source: r.a,
            target: r.b,
            score: r.score,
            width: 1.5 + 6 * Math.abs(r.score),
          },
          classes: frustrated.has(pairKey(r.a, r.b)) ? 'frustrated' : '',
        })),
    ]);
    core.layout({ name: 'circle', padding: 30 }).run();
  }, [actors, relations, frustrated, names]);

  return <div ref={box} className="network" role="img" aria-label={label} data-testid="network" />;
}

function Measures({ b, f, t }: { b: Balance; f: ReturnType<typeof useFormat>; t: (k: string) => string }) {
  return (
    <dl className="measures" data-testid="balance">
      <dt>{t('relations.nodes')}</dt>
      <dd>{f.int(b.nodes)}</dd>
      <dt>{t('relations.positiveEdges')}</dt>
      <dd>{f.int(b.positiveEdges)}</dd>
      <dt>{t('relations.negativeEdges')}</dt>
      <dd>{f.int(b.negativeEdges)}</dd>
      <dt>{t('relations.triangleRatio')}</dt>
      <dd>{f.fixed(b.triangleRatio, 3)}</dd>
      <dt>{t('relations.weightedTriangleRatio')}</dt>
      <dd>{f.fixed(b.weightedTriangleRatio, 3)}</dd>
      <dt>{t('relations.walkBalance')}</dt>
      <dd>{f.fixed(b.walkBalance, 3)}</dd>
      <dt>{t('relations.frustrationIndex')}</dt>
      <dd data-testid="frustration">{f.int(b.frustration.index)}</dd>
      <dt>{t('relations.frustrationNormalized')}</dt>
      <dd>{f.fixed(b.frustration.normalized, 3)}</dd>
    </dl>
  );
}

export default function RelationsView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [year, setYear] = useState(2016);
  const [actorText, setActorText] = useState(DEFAULT_ACTORS);
  const actors = useMemo(() => parseActors(actorText), [actorText]);
  const list = actors.join(',');
  const relations = useApi(`r/${year}/${list}`, (signal) =>
    api<{ relations: RelationRecord[] }>(`/api/worlds/${year}/relations?actors=${list}`, { signal }),
  );
  const balance = useApi(`b/${year}/${list}`, (signal) =>
    api<Balance>(`/api/balance?year=${year}&actors=${list}`, { signal }),
  );

  const [tri, setTri] = useState<[string, string, string]>(['USA', 'CHN', 'RUS']);
  const triKey =
    tri.every((x) => actors.includes(x)) && new Set(tri).size === 3 ? `${year}/${tri.join(',')}` : null;
  const triangle = useApi(triKey, (signal) =>
    api<Triangle>(`/api/triangle?year=${year}&actors=${tri.join(',')}`, { signal }),
  );

  const [edit, setEdit] = useState<{ a: string; b: string; score: number } | null>(null);
  const whatIf = useApi(edit ? `w/${year}/${list}/${edit.a}/${edit.b}/${edit.score}` : null, (signal) =>
    api<WhatIf>('/api/balance/whatif', {
      body: { year, actors, change: edit },
      signal,
    }),
  );

  const current = edit && whatIf.data ? whatIf.data.after : balance.data;
  const shownRelations = useMemo(() => {
    const rs = relations.data?.relations ?? [];
    if (!edit) return rs;
    const key = pairKey(edit.a, edit.b);
    const rest = rs.filter((r) => pairKey(r.a, r.b) !== key);
    return [...rest, { a: edit.a, b: edit.b, score: edit.score, kind: 'what-if' }];
  }, [relations.data, edit]);
  const frustrated = useMemo(
    () => new Set((current?.frustration.frustratedEdges ?? []).map(([a, b]) => pairKey(a, b))),
    [current],
  );
  const names = useMemo(() => (id: string) => f.country(id), [f.lang]);
  const scoreOf = (a: string, b: string) =>
    (relations.data?.relations ?? []).find((r) => pairKey(r.a, r.b) === pairKey(a, b))?.score ?? 0;

  const [pairA, setPairA] = useState('USA');
  const [pairB, setPairB] = useState('CHN');
  const editScore = edit && edit.a === pairA && edit.b === pairB ? edit.score : scoreOf(pairA, pairB);

  const actorSelect = (value: string, onChange: (v: string) => void, label: string) => (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {actors.map((id) => (
          <option key={id} value={id}>
            {f.country(id)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="rel-h">
      <h1 id="rel-h">{t('relations.heading')}</h1>
      <p className="intro">{t('relations.intro')}</p>
      <div className="controls">
        <label>
          <span>{t('relations.year')}</span>
          <input
            type="number"
            min={1816}
            max={2016}
            value={year}
            onChange={(e) => setYear(Math.min(2016, Math.max(1816, Number(e.target.value) || 2016)))}
          />
        </label>
        <label>
          <span>{t('relations.actors')}</span>
          <input
            type="text"
            size={40}
            value={actorText}
            onChange={(e) => {
              setActorText(e.target.value);
              setEdit(null);
            }}
          />
        </label>
        <span role="status" className="note">
          {balance.loading || relations.loading ? t('app.loading') : ''}
        </span>
      </div>
      {(relations.error ?? balance.error) && (
        <p className="error">{(relations.error ?? balance.error)?.message}</p>
      )}
      <div className="grid2">
        <div className="panel">
          <Network
            actors={actors}
            relations={shownRelations}
            frustrated={frustrated}
            names={names}
            label={t('relations.networkLabel', { count: actors.length })}
          />
          <div className="key">
            <span>
              <svg width="36" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="36" y2="5" stroke="#1f6fb2" strokeWidth="4" />
              </svg>{' '}
              {t('relations.positive')}
            </span>
            <span>
              <svg width="36" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="36" y2="5" stroke="#b3261e" strokeWidth="4" strokeDasharray="8 5" />
              </svg>{' '}
              {t('relations.negative')}
            </span>
            <span>
              <svg width="36" height="14" aria-hidden="true">
                <line x1="0" y1="7" x2="36" y2="7" stroke="#f5b700" strokeWidth="12" opacity="0.75" />
                <line x1="0" y1="7" x2="36" y2="7" stroke="#1f6fb2" strokeWidth="3" />
              </svg>{' '}
              {t('relations.frustratedKey')}
            </span>
          </div>
          <h2>{t('relations.frustratedEdges')}</h2>
          <ul data-testid="frustrated-list">
            {(current?.frustration.frustratedEdges ?? []).map(([a, b]) => (
              <li key={pairKey(a, b)}>
                {f.country(a)} – {f.country(b)}
              </li>
            ))}
          </ul>
        </div>
        <div className="panel">
          <h2>{edit ? t('relations.measuresWhatIf') : t('relations.measures')}</h2>
          {current && <Measures b={current} f={f} t={t} />}
          <h2>{t('relations.whatIf')}</h2>
          <div className="controls">
            {actorSelect(pairA, setPairA, t('relations.actorA'))}
            {actorSelect(pairB, setPairB, t('relations.actorB'))}
            <label>
              <span>
                {t('relations.score')}
                {t('app.colon')}
                <output data-testid="whatif-score">{f.fixed(editScore, 1)}</output>
              </span>
              <input
                type="range"
                min={-1}
                max={1}
                step={0.1}
                value={editScore}
                disabled={pairA === pairB}
                onChange={(e) => setEdit({ a: pairA, b: pairB, score: Number(e.target.value) })}
                data-testid="whatif"
              />
            </label>
            <button type="button" className="secondary" onClick={() => setEdit(null)} disabled={!edit}>
              {t('relations.reset')}
            </button>
          </div>
          {edit && whatIf.data && (
            <p className="note" data-testid="whatif-delta">
              {t('relations.delta', {
                before: f.fixed(whatIf.data.before.frustration.index, 0),
                after: f.fixed(whatIf.data.after.frustration.index, 0),
                ratio: f.fixed(whatIf.data.delta.triangleRatio, 3),
              })}
            </p>
          )}
          {whatIf.error && <p className="error">{whatIf.error.message}</p>}
          <h2>{t('relations.triangle')}</h2>
          <div className="controls">
            {actorSelect(tri[0], (v) => setTri([v, tri[1], tri[2]]), t('relations.first'))}
            {actorSelect(tri[1], (v) => setTri([tri[0], v, tri[2]]), t('relations.second'))}
            {actorSelect(tri[2], (v) => setTri([tri[0], tri[1], v]), t('relations.third'))}
          </div>
          {triangle.data && (
            <div data-testid="triangle">
              <p>
                {t('relations.configuration')}
                {t('app.colon')}
                <strong>{t(`triangle.${triangle.data.configuration}`)}</strong>
                {' · '}
                {triangle.data.balanced === null
                  ? t('relations.balancedOpen')
                  : triangle.data.balanced
                    ? t('relations.balancedYes')
                    : t('relations.balancedNo')}
              </p>
              <table>
                <thead>
                  <tr>
                    <th>{t('relations.actor')}</th>
                    <th>{t('relations.role')}</th>
                  </tr>
                </thead>
                <tbody>
                  {triangle.data.roles.map((r) => (
                    <tr key={r.id}>
                      <td>{f.country(r.id)}</td>
                      <td>{t(`role.${r.role}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {triangle.error && <p className="error">{triangle.error.message}</p>}
        </div>
      </div>
    </section>
  );
}
