/**
 * Relations view: the signed network of the chosen states (Cytoscape;
 * positive ties blue and solid, negative ties red and dashed, width by
 * |score|), structural balance measures with the frustrated edges
 * highlighted (GET /api/balance), the strategic triangle of three states
 * (GET /api/triangle) and a what-if edit of one relation
 * (POST /api/balance/whatif). States are picked by name from the year's
 * world (GET /api/worlds/:year). The network is reachable by keyboard: focus
 * it and move through the states with the arrow keys.
 */
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { CHART_FONT } from '../Chart';
import { DataExport, ImageExport } from '../Export';
import { NumberField, StateSelect, StatesPicker } from '../fields';
import { type Format, useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { Balance, RelationRecord, Triangle, WhatIf, WorldSummary } from '../types';
import { codec, useParam } from '../url';

const DEFAULT_ACTORS = ['USA', 'CHN', 'RUS', 'JPN', 'DEU', 'GBR', 'FRA', 'IND'];
const DEFAULT_TRIANGLE = ['USA', 'CHN', 'RUS'];
const YEAR = codec.int(1816, 2016);
const SCORE = codec.num(-1, 1);

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** An SVG drawing of the network as laid out on screen (nodes, ties, labels). */
function networkSvg(core: Core, label: string): string {
  const box = core.elements().boundingBox({});
  const pad = 40;
  const w = Math.ceil(box.w + 2 * pad);
  const h = Math.ceil(box.h + 2 * pad);
  const x = (v: number) => (v - box.x1 + pad).toFixed(1);
  const y = (v: number) => (v - box.y1 + pad).toFixed(1);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const parts: string[] = [];
  core.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const score = Number(e.data('score'));
    const frustrated = e.hasClass('frustrated');
    if (frustrated)
      parts.push(
        `<line x1="${x(s.x)}" y1="${y(s.y)}" x2="${x(t.x)}" y2="${y(t.y)}" stroke="#f5b700" stroke-opacity="0.75" stroke-width="${Number(e.data('width')) + 10}"/>`,
      );
    parts.push(
      `<line x1="${x(s.x)}" y1="${y(s.y)}" x2="${x(t.x)}" y2="${y(t.y)}" stroke="${score > 0 ? '#1f6fb2' : '#b3261e'}" stroke-width="${e.data('width')}"${score < 0 ? ' stroke-dasharray="8 5"' : ''}/>`,
    );
  });
  core.nodes().forEach((n) => {
    const p = n.position();
    parts.push(`<circle cx="${x(p.x)}" cy="${y(p.y)}" r="11" fill="#34495e"/>`);
    parts.push(
      `<text x="${x(p.x)}" y="${(Number(y(p.y)) + 28).toFixed(1)}" text-anchor="middle" font-size="13" font-family="${CHART_FONT}" fill="#1b1f24">${esc(String(n.data('label')))}</text>`,
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(label)}</title><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}

function Network({
  actors,
  relations,
  frustrated,
  label,
  names,
  exportName,
}: {
  actors: string[];
  relations: readonly Pick<RelationRecord, 'a' | 'b' | 'score'>[];
  frustrated: Set<string>;
  label: string;
  names: (id: string) => string;
  exportName: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const shown = useMemo(
    () => relations.filter((r) => r.score !== 0 && actors.includes(r.a) && actors.includes(r.b)),
    [relations, actors],
  );

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
          selector: 'node.focused',
          style: { 'border-width': 4, 'border-color': '#f5b700', width: 30, height: 30 },
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
      ...shown.map((r) => ({
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
  }, [actors, shown, frustrated, names]);

  const focusedId = focused !== null ? actors[focused] : undefined;
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.nodes().removeClass('focused');
    if (focusedId) core.getElementById(focusedId).addClass('focused');
  }, [focusedId, actors, shown]);

  const ties = focusedId
    ? shown
        .filter((r) => r.a === focusedId || r.b === focusedId)
        .map((r) => ({ other: r.a === focusedId ? r.b : r.a, score: r.score }))
        .sort((x, y) => y.score - x.score)
    : [];

  const focusText = focusedId
    ? t('relations.focused', {
        name: names(focusedId),
        ties:
          ties.length === 0
            ? t('relations.noTies')
            : ties.map((x) => `${names(x.other)} ${f.fixed(x.score, 2)}`).join(t('app.listSeparator')),
      })
    : '';
  const onKey = (e: React.KeyboardEvent) => {
    if (actors.length === 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      setFocused((k) => (k === null ? 0 : (k + step + actors.length) % actors.length));
    } else if (e.key === 'Escape') setFocused(null);
  };

  return (
    <>
      <div
        ref={box}
        className="network"
        role="slider"
        aria-label={label}
        aria-describedby="network-keys"
        aria-valuemin={1}
        aria-valuemax={Math.max(1, actors.length)}
        aria-valuenow={(focused ?? 0) + 1}
        aria-valuetext={focusText || t('relations.networkKeys')}
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => setFocused(null)}
        data-testid="network"
      />
      <p id="network-keys" className="note">
        {t('relations.networkKeys')}
      </p>
      <p className="map-focus" aria-live="polite" data-testid="network-focus">
        {focusText}
      </p>
      <ImageExport
        name={exportName}
        what={label}
        svg={() => (cy.current ? networkSvg(cy.current, label) : null)}
        png={() =>
          cy.current
            ? (cy.current.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as Blob)
            : null
        }
        testId="network-export"
      />
    </>
  );
}

function Measures({ b, f, t }: { b: Balance; f: Format; t: (k: string) => string }) {
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
  const [year, setYear] = useParam('year', 2016, YEAR);
  const [actors, setActors] = useParam('actors', DEFAULT_ACTORS, codec.ids);
  const list = actors.join(',');
  const world = useApi(`w/${year}`, (signal) => api<WorldSummary>(`/api/worlds/${year}`, { signal }));
  const yearNames = useMemo(
    () => Object.fromEntries((world.data?.actors ?? []).map((a) => [a.id, a.name])),
    [world.data],
  );
  const available = useMemo(() => (world.data?.actors ?? []).map((a) => a.id), [world.data]);
  const enough = actors.length >= 2;
  const relations = useApi(enough ? `r/${year}/${list}` : null, (signal) =>
    api<{ relations: RelationRecord[] }>(`/api/worlds/${year}/relations?actors=${list}`, { signal }),
  );
  const balance = useApi(enough ? `b/${year}/${list}` : null, (signal) =>
    api<Balance>(`/api/balance?year=${year}&actors=${list}`, { signal }),
  );

  const [tri, setTri] = useParam('triangle', DEFAULT_TRIANGLE, codec.ids);
  const triple: [string, string, string] = [tri[0] ?? 'USA', tri[1] ?? 'CHN', tri[2] ?? 'RUS'];
  const triRepeated = new Set(triple).size < 3;
  const triOutside = triple.some((x) => !actors.includes(x));
  const triKey = !triRepeated && !triOutside ? `${year}/${triple.join(',')}` : null;
  const triangle = useApi(triKey, (signal) =>
    api<Triangle>(`/api/triangle?year=${year}&actors=${triple.join(',')}`, { signal }),
  );

  const [pair, setPair] = useParam('pair', ['USA', 'CHN'], codec.ids);
  const pairA = pair[0] ?? 'USA';
  const pairB = pair[1] ?? 'CHN';
  const [whatScore, setWhatScore] = useParam('score', Number.NaN, SCORE);
  const samePair = pairA === pairB;
  const edit =
    !Number.isNaN(whatScore) && !samePair && actors.includes(pairA) && actors.includes(pairB)
      ? { a: pairA, b: pairB, score: whatScore }
      : null;
  const whatIf = useApi(edit ? `w/${year}/${list}/${edit.a}/${edit.b}/${edit.score}` : null, (signal) =>
    api<WhatIf>('/api/balance/whatif', { body: { year, actors, change: edit }, signal }),
  );
  const resetEdit = () => setWhatScore(Number.NaN);

  const current = edit ? whatIf.data?.after : balance.data;
  const shownRelations = useMemo(() => {
    const rs = relations.data?.relations ?? [];
    if (!edit) return rs;
    const key = pairKey(edit.a, edit.b);
    const rest = rs.filter((r) => pairKey(r.a, r.b) !== key);
    return [...rest, { a: edit.a, b: edit.b, score: edit.score, kind: 'what-if' }];
  }, [relations.data, edit?.a, edit?.b, edit?.score]);
  const frustrated = useMemo(
    () => new Set((current?.frustration.frustratedEdges ?? []).map(([a, b]) => pairKey(a, b))),
    [current],
  );
  const names = useMemo(() => (id: string) => f.country(id, yearNames[id]), [f.lang, yearNames]);
  const scoreOf = (a: string, b: string) =>
    (relations.data?.relations ?? []).find((r) => pairKey(r.a, r.b) === pairKey(a, b))?.score ?? 0;
  const editScore = edit ? edit.score : scoreOf(pairA, pairB);
  const labels = {
    year: t('relations.year'),
    actors: t('relations.actors'),
    change: t('relations.whatIf'),
    'change.a': t('relations.actorA'),
    'change.b': t('relations.actorB'),
    'change.score': t('relations.score'),
  };

  const setActorsAndReset = (ids: string[]) => {
    setActors(ids);
    resetEdit();
  };

  return (
    <section aria-labelledby="rel-h">
      <ViewHeading id="rel-h" view="relations">
        {t('relations.heading')}
      </ViewHeading>
      <p className="intro">{t('relations.intro')}</p>
      <div className="controls">
        <NumberField
          label={t('relations.year')}
          value={year}
          min={1816}
          max={2016}
          integer
          year
          size={6}
          onChange={(v) => {
            if (v !== null) {
              setYear(v);
              resetEdit();
            }
          }}
          testId="relations-year"
        />
        <StatesPicker
          label={t('relations.actors')}
          available={available}
          chosen={actors}
          onChange={setActorsAndReset}
          names={yearNames}
          testId="relations-states"
        />
        <span role="status" className="note">
          {balance.loading || relations.loading ? t('app.loading') : ''}
        </span>
      </div>
      {!enough && <p className="error">{t('relations.needTwo')}</p>}
      <ErrorNotice error={relations.error ?? balance.error} labels={labels} testId="relations-error" />
      <div className="grid2">
        <div className="panel">
          <h2 className="sr-only">{t('relations.networkHeading')}</h2>
          <Network
            actors={relations.data ? actors : []}
            relations={shownRelations}
            frustrated={frustrated}
            names={names}
            label={t('relations.networkLabel', { count: actors.length, year })}
            exportName={`concert-network-${year}`}
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
          {relations.data && (
            <DataExport
              name={`concert-relations-${year}`}
              what={t('relations.tiesTable')}
              csv={() => ({
                header: ['a', 'b', 'score', 'kind', 'source'],
                rows: (relations.data?.relations ?? []).map((r) => [
                  r.a,
                  r.b,
                  r.score,
                  r.kind,
                  r.source ?? '',
                ]),
              })}
              json={() => relations.data}
              testId="relations-export"
            />
          )}
          <h2>{t('relations.frustratedEdges')}</h2>
          <ul data-testid="frustrated-list">
            {(current?.frustration.frustratedEdges ?? []).map(([a, b]) => (
              <li key={pairKey(a, b)}>
                {names(a)} – {names(b)}
              </li>
            ))}
          </ul>
        </div>
        <div className="panel">
          <h2>{edit ? t('relations.measuresWhatIf') : t('relations.measures')}</h2>
          {current && <Measures b={current} f={f} t={t} />}
          {current && (
            <DataExport
              name={`concert-balance-${year}${edit ? '-whatif' : ''}`}
              what={t('relations.measures')}
              json={() => (edit ? whatIf.data : balance.data)}
              csv={() => ({
                header: ['measure', 'value'],
                rows: [
                  ['nodes', current.nodes],
                  ['positiveEdges', current.positiveEdges],
                  ['negativeEdges', current.negativeEdges],
                  ['triangleRatio', current.triangleRatio],
                  ['weightedTriangleRatio', current.weightedTriangleRatio],
                  ['walkBalance', current.walkBalance],
                  ['frustrationIndex', current.frustration.index],
                  ['frustrationNormalized', current.frustration.normalized],
                  ...current.frustration.frustratedEdges.map(([a, b]) => ['frustratedTie', `${a}–${b}`]),
                ],
              })}
              testId="balance-export"
            />
          )}
          <h2>{t('relations.whatIf')}</h2>
          <div className="controls">
            <StateSelect
              label={t('relations.actorA')}
              ids={actors}
              value={pairA}
              names={yearNames}
              invalid={samePair}
              onChange={(v) => {
                setPair([v, pairB]);
                resetEdit();
              }}
              testId="whatif-a"
            />
            <StateSelect
              label={t('relations.actorB')}
              ids={actors}
              value={pairB}
              names={yearNames}
              invalid={samePair}
              onChange={(v) => {
                setPair([pairA, v]);
                resetEdit();
              }}
              testId="whatif-b"
            />
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
                disabled={samePair}
                onChange={(e) => setWhatScore(Number(e.target.value))}
                data-testid="whatif"
              />
            </label>
            <button type="button" className="secondary" onClick={resetEdit} disabled={!edit}>
              {t('relations.reset')}
            </button>
          </div>
          {samePair && <p className="error">{t('relations.samePair')}</p>}
          {edit && whatIf.data && (
            <p className="note" data-testid="whatif-delta">
              {t('relations.delta', {
                before: f.fixed(whatIf.data.before.frustration.index, 0),
                after: f.fixed(whatIf.data.after.frustration.index, 0),
                ratio: f.fixed(whatIf.data.delta.triangleRatio, 3),
              })}
            </p>
          )}
          <ErrorNotice error={whatIf.error} labels={labels} testId="whatif-error" />
          <h2>{t('relations.triangle')}</h2>
          <div className="controls">
            {([0, 1, 2] as const).map((k) => (
              <StateSelect
                key={k}
                label={t(['relations.first', 'relations.second', 'relations.third'][k]!)}
                ids={actors}
                value={triple[k]}
                names={yearNames}
                invalid={triRepeated && triple.indexOf(triple[k]) !== k}
                onChange={(v) => setTri(triple.map((x, j) => (j === k ? v : x)))}
                testId={`triangle-${k}`}
              />
            ))}
          </div>
          {triRepeated && (
            <p className="error" data-testid="triangle-problem">
              {t('relations.triangleRepeated')}
            </p>
          )}
          {!triRepeated && triOutside && (
            <p className="error" data-testid="triangle-problem">
              {t('relations.triangleOutside')}
            </p>
          )}
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
                      <td>{names(r.id)}</td>
                      <td>{t(`role.${r.role}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <DataExport
                name={`concert-triangle-${year}-${triple.join('-')}`}
                what={t('relations.triangle')}
                json={() => triangle.data}
                csv={() => ({
                  header: ['id', 'role'],
                  rows: (triangle.data?.roles ?? []).map((r) => [r.id, r.role]),
                })}
              />
            </div>
          )}
          <ErrorNotice error={triangle.error} labels={{ ...labels, actors: t('relations.triangle') }} />
        </div>
      </div>
    </section>
  );
}
