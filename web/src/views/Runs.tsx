/**
 * Runs view: the ensembles in the server's run store (GET /api/runs), newest
 * first, with their status (every requested run stored, or how many), and
 * one stored ensemble's fan charts (GET /api/runs/:id), its bands as CSV or
 * JSON and every stored run (GET /api/runs/:id/export). The chosen ensemble
 * is in the address (`#/runs?id=…`), so a link reopens it.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { DataExport } from '../Export';
import { bandRows } from '../exporting';
import { FanChart } from '../FanChart';
import { useScrollTo } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { RunsList, StoredEnsemble } from '../types';
import { codec, useParam } from '../url';

/** System-wide indicators first, then those of single actors (names ending in `.ID`). */
export function splitNames(names: readonly string[], actors: readonly string[]) {
  const isActor = (n: string) => actors.some((a) => n.endsWith(`.${a}`)) || /\.[A-Z]{3}$/.test(n);
  return { system: names.filter((n) => !isActor(n)), perActor: names.filter(isActor) };
}

/** The fan charts of a set of bands (system indicators, then per-state ones folded away). */
export function FanCharts({
  indicators,
  actors,
  exportPrefix,
  testId,
}: {
  indicators: StoredEnsemble['indicators'];
  actors: readonly string[];
  exportPrefix: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const groups = splitNames(Object.keys(indicators), actors);
  return (
    <>
      <div className="cards" data-testid={testId}>
        {groups.system.map((n) => (
          <div className="panel" key={n}>
            <FanChart
              name={n}
              bands={indicators[n]!}
              testId={`fan-${n}`}
              exportName={`${exportPrefix}-${n}`}
            />
          </div>
        ))}
      </div>
      {groups.perActor.length > 0 && (
        <details>
          <summary>{t('scenario.perActor', { count: groups.perActor.length })}</summary>
          <div className="cards">
            {groups.perActor.map((n) => (
              <div className="panel" key={n}>
                <FanChart name={n} bands={indicators[n]!} exportName={`${exportPrefix}-${n}`} />
              </div>
            ))}
          </div>
        </details>
      )}
      <p className="note">{t('fan.note')}</p>
    </>
  );
}

export default function RunsView() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useApi('runs', (signal) => api<RunsList>('/api/runs', { signal }));
  const [id, setId] = useParam('id', '', codec.text);
  const chosen = useApi(id ? `run/${id}` : null, (signal) =>
    api<StoredEnsemble>(`/api/runs/${encodeURIComponent(id)}`, { signal }),
  );
  const detail = useRef<HTMLDivElement>(null);
  useScrollTo(detail, chosen.data);
  const e = chosen.data;
  return (
    <section aria-labelledby="runs-h">
      <ViewHeading id="runs-h" view="runs">
        {t('runs.heading')}
      </ViewHeading>
      <p className="intro">{t('runs.intro')}</p>
      <ErrorNotice error={list.error} />
      {list.data && (
        <div className="panel">
          <table data-testid="runs-table">
            <caption>{t('runs.caption', { count: list.data.ensembles.length })}</caption>
            <thead>
              <tr>
                <th>{t('runs.scenario')}</th>
                <th>{t('runs.id')}</th>
                <th className="num">{t('runs.seed')}</th>
                <th>{t('runs.years')}</th>
                <th>{t('runs.status')}</th>
                <th>{t('runs.created')}</th>
                <th>
                  <span className="sr-only">{t('runs.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.ensembles.map((r) => (
                <tr key={r.id} className={r.id === e?.id ? 'selected' : undefined}>
                  <td>{r.scenario}</td>
                  <td>
                    <code>{r.id.slice(0, 12)}</code>
                  </td>
                  <td className="num">{r.seed}</td>
                  <td>
                    {r.years.from}–{r.years.to}
                  </td>
                  <td data-testid="run-status">
                    {r.storedRuns >= r.requestedRuns
                      ? t('runs.complete', { runs: f.int(r.storedRuns) })
                      : t('runs.partial', { stored: f.int(r.storedRuns), requested: f.int(r.requestedRuns) })}
                  </td>
                  <td>{f.date(r.createdAt)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setId(r.id)} data-testid="run-open">
                      {t('runs.show', { scenario: r.scenario })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.ensembles.length === 0 && <p className="note">{t('runs.empty')}</p>}
          <p className="note">{t('runs.storeNote', { store: list.data.store })}</p>
        </div>
      )}
      <ErrorNotice error={chosen.error} labels={{ id: t('runs.id') }} />
      {e && (
        <div ref={detail}>
          <h2 data-testid="run-title">
            {t('runs.detail', {
              scenario: e.scenario,
              runs: f.int(e.runs),
              seed: e.seed,
              from: e.years.from,
              to: e.years.to,
            })}
          </h2>
          <div className="export-row">
            <DataExport
              name={`concert-run-${e.scenario}-${e.id.slice(0, 8)}-bands`}
              what={t('runs.bands')}
              csv={() => bandRows(e.indicators)}
              json={() => e}
              testId="run-export"
            />
            <a className="button-link" href={`/api/runs/${e.id}/export?format=csv`} download>
              {t('runs.allRunsCsv')}
            </a>
            <a className="button-link" href={`/api/runs/${e.id}/export?format=json`} download>
              {t('runs.allRunsJson')}
            </a>
          </div>
          <FanCharts
            indicators={e.indicators}
            actors={[]}
            exportPrefix={`concert-run-${e.scenario}`}
            testId="run-charts"
          />
        </div>
      )}
    </section>
  );
}
