/**
 * Sensitivity view: a shipped scenario's global sensitivity analysis
 * (POST /api/sensitivity, the document of `concert sensitivity --json`;
 * docs/models/sensitivity.md) as a job with progress. Pick the method
 * (Sobol' indices from a Saltelli design, or Morris elementary effects), the
 * indicator series, the year, N and the seed; the result is a chart — for
 * Sobol' the first-order and total indices per parameter with their bootstrap
 * intervals, sorted by the total; for Morris μ* per parameter with its
 * interval and μ* against σ — and the table of the numbers (CSV, JSON).
 * Inputs are in the address; the result is not (running the same request
 * again resumes the design from the run store, so it comes back at once).
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Problem, useApi, useJob } from '../api';
import { CHART_FONT, Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { useIndicatorLabel } from '../FanChart';
import { NumberField, useScrollTo, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { MAX_RUNS, RunButton, RunProgress, SEED, SeedField } from '../jobs';
import { ScenarioPicker } from '../Pickers';
import { ErrorNotice, familyOf } from '../problems';
import { designRunCount, isSeriesOf, type Method, METHODS, niceCeil } from '../sensitivity';
import type { Sensitivity, SensitivityResult, ShippedScenario, Validation } from '../types';
import { codec, useParam } from '../url';

const METHOD = codec.oneOf(METHODS);
/**
 * N of the first click: small enough that baseline-2017's design (19
 * parameters; about 0.05–0.2 s of CPU a run) finishes in about 15 s on two
 * workers. Its intervals are wide; the hint says so.
 */
export const DEFAULT_N: Readonly<Record<Method, number>> = { morris: 10, sobol: 8 };
/** The API's smallest N (src/server/routes/sensitivity.ts). */
const MIN_N = 2;
const N = codec.int(MIN_N, MAX_RUNS);
const YEAR = codec.int(0, 9999);
/** A composite draw that the design leaves to the runs' own randomness (docs/models/sensitivity.md). */
const NOT_A_FACTOR = 'coreInterests.stances';
/** Longest parameter label drawn in full on a chart axis, in pixels (longer ones end in …; the tooltip and table have them whole). */
const MAX_LABEL_PX = 250;

/**
 * The label of an uncertain parameter (`param.<path with _ for .>`); a
 * state's own policy (`policies.RUS.arms.baselineGrowth`) is the default
 * policy's label with the state's name; else the path.
 */
export function useParameterLabel(): (path: string) => string {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (path: string) => {
    const key = `param.${path.replaceAll('.', '_')}`;
    if (i18n.exists(key)) return t(key);
    const own = /^policies\.([A-Z][A-Z0-9]{1,5})\.(.+)$/.exec(path);
    const general = own ? `param.policies_default_${own[2]!.replaceAll('.', '_')}` : '';
    if (own && i18n.exists(general))
      return t('param.ofState', { label: t(general), state: fmt.country(own[1]!) });
    return path;
  };
}

/** Width in pixels of the widest of `labels` in the charts' font at `size` px. */
function widest(labels: readonly string[], size = 12): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return Math.max(0, ...labels.map((l) => l.length * size * 0.62));
  ctx.font = `${size}px ${CHART_FONT}`;
  return Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
}

/** A problem of the request at `field` (`series`, `year`, `n`), from a failed start. */
function problemAt(error: unknown, field: string): Problem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problems.find((p) => p.path[0] === 'body' && p.path[1] === field);
}

/**
 * Error whiskers of a horizontal bar series: data [category index, low,
 * high]; `slot` −1, 0 or +1 of the bars in a category, each `share` of the
 * band. A whisker that leaves the axis's `extent` is cut at its edge and has
 * no cap there (the table has the whole interval).
 */
function whiskers(slot: number, share: number, extent: readonly [number, number]) {
  return (_params: unknown, api: EchartsApi) => {
    const i = api.value(0);
    const [from, to] = [api.value(1), api.value(2)];
    const lo = api.coord([Math.max(extent[0], from), i]);
    const hi = api.coord([Math.min(extent[1], to), i]);
    const band = (api.size([0, 1]) as number[])[1] ?? 0;
    const y = (lo[1] ?? 0) + (slot * band * share) / 2;
    const cap = Math.max(2, band * 0.1);
    const style = { stroke: '#1b1f24', lineWidth: 1.2 };
    const line = (x1: number, y1: number, x2: number, y2: number) => ({
      type: 'line',
      shape: { x1, y1, x2, y2 },
      style,
    });
    const [x1, x2] = [lo[0] ?? 0, hi[0] ?? 0];
    const children = [line(x1, y, x2, y)];
    if (from >= extent[0]) children.push(line(x1, y - cap, x1, y + cap));
    if (to <= extent[1]) children.push(line(x2, y - cap, x2, y + cap));
    return { type: 'group', children };
  };
}

interface EchartsApi {
  value(dim: number): number;
  coord(value: number[]): number[];
  size(value: number[]): number | number[];
}

/** One row of the table and chart: a parameter and its numbers, in the API's order. */
interface Row {
  parameter: string;
  label: string;
  values: number[];
}

/** The request that produced a result (its titles come from it, not from the inputs since changed). */
interface Request {
  scenario: string;
  method: Method;
  indicator: string;
  year: number | null;
  n: number;
}

export default function SensitivityView() {
  const { t } = useTranslation();
  const f = useFormat();
  const indicatorLabel = useIndicatorLabel();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const ids = (shipped.data?.scenarios ?? []).map((s) => s.id);
  const [scenario, setScenario] = useParam('scenario', 'baseline-2017', codec.text);
  const [method, setMethod] = useParam<Method>('method', 'morris', METHOD);
  const [indicator, setIndicator] = useParam('indicator', 'stability.index', codec.text);
  const [year, setYear] = useParam('year', Number.NaN, YEAR);
  const [nGiven, setN] = useParam('n', Number.NaN, N);
  const [seed, setSeed] = useParam('seed', Number.NaN, SEED);
  const form = useValidity();
  const runner = useJob<Sensitivity, Request>();
  const check = useApi(scenario ? `v/${scenario}` : null, (signal) =>
    api<Validation>('/api/scenarios/validate', { body: { id: scenario }, signal }),
  );
  const summary = check.data?.scenario;
  const factors = (summary?.uncertain ?? []).filter((p) => p !== NOT_A_FACTOR);
  const k = factors.length;
  const n = Number.isNaN(nGiven) ? DEFAULT_N[method] : nGiven;
  const maxN = Math.max(MIN_N, Math.floor(MAX_RUNS / ((k || 1) + (method === 'sobol' ? 2 : 1))));
  const runs = designRunCount(method, k, n);
  const yearGiven = Number.isNaN(year) ? null : year;
  const seedGiven = Number.isNaN(seed) ? null : seed;
  const series = indicator.trim();
  const indicatorProblem =
    series === ''
      ? t('field.required')
      : summary && !isSeriesOf(series, summary.indicators, summary.actors)
        ? t('sensitivity.unknownIndicator', { name: series })
        : problemAt(runner.error, 'series')
          ? t('sensitivity.unknownIndicator', { name: series })
          : null;
  const serverText = (p: Problem | undefined) => {
    if (!p) return null;
    const family = familyOf(p.message);
    return f.lang === 'en' || !family
      ? p.message
      : `${t(`problem.${family.key}`, family.values)} (${p.message})`;
  };
  const listId = useId();

  // A result belongs to the scenario and method it was computed for.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    runner.clear();
  }, [scenario, method]);

  const start = () => {
    const request: Request = { scenario, method, indicator: series, year: yearGiven, n };
    void runner.start(
      '/api/sensitivity',
      {
        scenario: { id: scenario },
        method,
        n,
        series: [series],
        ...(yearGiven === null ? {} : { year: yearGiven }),
        ...(seedGiven === null ? {} : { seed: seedGiven }),
      },
      runs,
      request,
    );
  };
  const results = useRef<HTMLDivElement>(null);
  useScrollTo(results, runner.result);
  const doc = runner.result?.value;
  const result = doc?.results[0];
  // Problems the fields show are not repeated in the notice.
  const unplaced =
    runner.error instanceof ApiError && runner.error.problems.length > 0
      ? runner.error.problems.every((p) => ['series', 'year', 'n'].includes(String(p.path[1])))
        ? null
        : runner.error
      : runner.error;

  return (
    <section aria-labelledby="sens-h">
      <ViewHeading id="sens-h" view="sensitivity">
        {t('sensitivity.heading')}
      </ViewHeading>
      <p className="intro">{t('sensitivity.intro')}</p>
      <div className="controls">
        <ScenarioPicker
          label={t('sensitivity.scenario')}
          ids={ids}
          value={scenario}
          onChange={setScenario}
          testId="sens-scenario"
        />
        <label>
          <span>{t('sensitivity.method')}</span>
          <select
            value={method}
            onChange={(e) => {
              setMethod(e.target.value as Method);
              setN(Number.NaN);
            }}
            data-testid="sens-method"
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`sensitivity.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="sens-indicator">
          <span>{t('sensitivity.indicator')}</span>
          <input
            type="text"
            list={listId}
            size={22}
            value={indicator}
            spellCheck={false}
            aria-invalid={indicatorProblem !== null}
            aria-describedby={`${listId}-m`}
            onChange={(e) => {
              setIndicator(e.target.value);
              // The server's word on the previous name no longer applies.
              if (runner.error) runner.clear();
            }}
            data-testid="sens-indicator"
          />
          <datalist id={listId}>
            {(summary?.indicators ?? [])
              .filter((x) => !x.endsWith('.dyad'))
              .map((x) => (
                <option key={x} value={x} label={indicatorLabel(x)} />
              ))}
          </datalist>
          <span
            id={`${listId}-m`}
            className={indicatorProblem ? 'field-error' : 'hint'}
            data-testid="sens-indicator-message"
          >
            {indicatorProblem ?? indicatorLabel(series)}
          </span>
        </label>
        <NumberField
          label={t('sensitivity.year')}
          value={yearGiven}
          optional
          integer
          min={summary?.years.from ?? 0}
          max={summary?.years.to ?? 9999}
          size={6}
          year
          placeholder={summary ? String(summary.years.to) : ''}
          hint={summary ? t('sensitivity.yearHint', { year: summary.years.to }) : undefined}
          error={serverText(problemAt(runner.error, 'year'))}
          onChange={(v) => setYear(v ?? Number.NaN)}
          onValidity={form.report('year')}
          testId="sens-year"
        />
        <NumberField
          label={method === 'sobol' ? t('sensitivity.nSobol') : t('sensitivity.nMorris')}
          value={n}
          integer
          min={MIN_N}
          max={maxN}
          size={7}
          hint={
            k > 0
              ? method === 'sobol'
                ? t('sensitivity.nHintSobol', { runs: f.int(runs), n: f.int(n), k })
                : t('sensitivity.nHintMorris', { runs: f.int(runs), n: f.int(n), k })
              : undefined
          }
          error={serverText(problemAt(runner.error, 'n'))}
          onChange={(v) => setN(v ?? Number.NaN)}
          onValidity={form.report('n')}
          testId="sens-n"
        />
        <SeedField
          value={seedGiven}
          placeholder={summary ? String(summary.ensemble.seed) : ''}
          hint={summary ? t('sensitivity.seedHint', { seed: summary.ensemble.seed }) : undefined}
          onChange={(v) => setSeed(v ?? Number.NaN)}
          onValidity={form.report('seed')}
          testId="sens-seed"
        />
        <RunButton
          label={t('sensitivity.run')}
          total={runs}
          disabled={runner.running || !form.valid || indicatorProblem !== null || !summary || k === 0}
          onRun={start}
          testId="sens-run"
        />
      </div>
      {summary &&
        (k === 0 ? (
          <p className="error">{t('sensitivity.noParameters')}</p>
        ) : (
          <p className="note" data-testid="sens-design">
            {t('sensitivity.design', { count: k })}
          </p>
        ))}
      <ErrorNotice error={check.error} />
      <RunProgress
        progress={runner.progress}
        label={t('sensitivity.progress')}
        running={runner.running}
        job={runner}
        testId="sens-cancel"
      />
      <ErrorNotice
        error={unplaced}
        labels={{
          scenario: t('sensitivity.scenario'),
          series: t('sensitivity.indicator'),
          year: t('sensitivity.year'),
          n: method === 'sobol' ? t('sensitivity.nSobol') : t('sensitivity.nMorris'),
          seed: t('scenario.seed'),
        }}
        testId="sens-error"
      />
      {doc && result && runner.result && (
        <div ref={results} data-testid="sens-results">
          <SensitivityResults doc={doc} result={result} request={runner.result.request} />
        </div>
      )}
    </section>
  );
}

/** The chart(s) and table of one series' indices. */
function SensitivityResults({
  doc,
  result,
  request,
}: {
  doc: Sensitivity;
  result: SensitivityResult;
  request: Request;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useParameterLabel();
  const indicator = useIndicatorLabel()(result.series);
  const sig = (x: number) => new Intl.NumberFormat(f.lang, { maximumSignificantDigits: 3 }).format(x);
  const sobol = doc.method === 'sobol';
  const rows: Row[] = useMemo(() => {
    const r = sobol
      ? (result.sobol ?? []).map((e) => ({
          parameter: e.parameter,
          label: label(e.parameter),
          values: [e.first, e.firstConf, e.total, e.totalConf],
        }))
      : (result.morris ?? []).map((e) => ({
          parameter: e.parameter,
          label: label(e.parameter),
          values: [e.muStar, e.muStarConf, e.mu, e.sigma],
        }));
    // By the total index (Sobol') or μ* (Morris), largest first.
    return r.sort((a, b) => (b.values[sobol ? 2 : 0] ?? 0) - (a.values[sobol ? 2 : 0] ?? 0));
  }, [result, sobol, f.lang]);
  const level = f.pct(doc.confidenceLevel, 0);
  const base = `concert-sensitivity-${doc.scenario}-${doc.method}-${result.series}-${result.year}`;
  const header = sobol
    ? ['parameter', 'first', 'firstConf', 'total', 'totalConf']
    : ['parameter', 'muStar', 'muStarConf', 'mu', 'sigma'];
  const sumFirst = sobol ? (result.sobol ?? []).reduce((s, e) => s + e.first, 0) : 0;
  const summaryVars = {
    scenario: doc.scenario,
    indicator,
    year: result.year,
    n: f.int(doc.n),
    levels: doc.levels ?? 4,
    runs: f.int(doc.runs),
    seed: doc.seed,
    mean: sig(result.mean),
    variance: sig(result.variance),
    level,
    resamples: f.int(doc.resamples),
  };
  return (
    <>
      <h2>{t('sensitivity.results')}</h2>
      <p data-testid="sens-summary">
        {sobol ? t('sensitivity.summarySobol', summaryVars) : t('sensitivity.summaryMorris', summaryVars)}
      </p>
      {result.constantOutput && (
        <p className="note" data-testid="sens-constant">
          {t('sensitivity.constant')}
        </p>
      )}
      {request.indicator !== result.series && <p className="note">{result.series}</p>}
      <div className="panel">
        {sobol ? (
          <SobolChart rows={rows} indicator={indicator} year={result.year} exportName={`${base}-chart`} />
        ) : (
          <MorrisCharts rows={rows} indicator={indicator} year={result.year} exportName={base} />
        )}
        {sobol && (
          <p className="note" data-testid="sens-sum">
            {sumFirst >= 0 && sumFirst <= 1
              ? t('sensitivity.sumFirst', { sum: f.fixed(sumFirst, 3), rest: f.fixed(1 - sumFirst, 3) })
              : t('sensitivity.sumFirstNoisy', { sum: f.fixed(sumFirst, 3) })}
          </p>
        )}
        <p className="note">{sobol ? t('sensitivity.sobolNote') : t('sensitivity.morrisNote')}</p>
      </div>
      <div className="panel">
        <h3>{t('sensitivity.table')}</h3>
        <div className="table-scroll">
          <table data-testid="sens-table" className="sens-table">
            <caption className="sr-only">{t('sensitivity.tableCaption', { level })}</caption>
            <thead>
              <tr>
                <th>{t('sensitivity.parameter')}</th>
                <th>{t('sensitivity.path')}</th>
                {sobol ? (
                  <>
                    <th className="num">{t('sensitivity.first')}</th>
                    <th className="num">{t('sensitivity.conf', { level })}</th>
                    <th className="num">{t('sensitivity.total')}</th>
                    <th className="num">{t('sensitivity.conf', { level })}</th>
                  </>
                ) : (
                  <>
                    <th className="num">{t('sensitivity.muStar')}</th>
                    <th className="num">{t('sensitivity.conf', { level })}</th>
                    <th className="num">{t('sensitivity.mu')}</th>
                    <th className="num">{t('sensitivity.sigma')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.parameter} data-parameter={r.parameter}>
                  <td>{r.label}</td>
                  <td>
                    <code className="path">
                      {r.parameter.split('.').map((part, j) => (
                        <span key={j}>
                          {j > 0 && '.'}
                          {j > 0 && <wbr />}
                          {part}
                        </span>
                      ))}
                    </code>
                  </td>
                  {r.values.map((v, j) => (
                    <td key={j} className="num">
                      {sobol ? f.fixed(v, 3) : sig(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DataExport
          name={base}
          what={t('sensitivity.table')}
          csv={() => ({
            header: ['series', 'year', ...header],
            rows: rows.map((r) => [result.series, result.year, r.parameter, ...r.values]),
          })}
          json={() => doc}
          testId="sens-export"
        />
      </div>
    </>
  );
}

/** Axis, grid and tooltip pieces shared by the horizontal bar charts of parameters. */
function parameterAxis(rows: readonly Row[]) {
  const labelWidth = Math.min(MAX_LABEL_PX, Math.ceil(widest(rows.map((r) => r.label))) + 4);
  return {
    labelWidth,
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { width: labelWidth, overflow: 'truncate', fontSize: 12 },
    },
    height: 90 + rows.length * 26,
  };
}

/**
 * A bar series of `rows`' values at `value` with whiskers ± the half-width at
 * `value + 1`: the bars of one slot (−1, 0, +1) of a category, each `share` of
 * its band (two slots: barCategoryGap 30%, no gap between them).
 */
function barWithInterval(
  name: string,
  color: string,
  rows: readonly Row[],
  value: number,
  slot: number,
  share: number,
  extent: readonly [number, number],
) {
  const at = (r: Row) => r.values[value]!;
  const conf = (r: Row) => r.values[value + 1]!;
  return [
    {
      type: 'bar',
      name,
      barGap: '0%',
      barCategoryGap: slot === 0 ? '35%' : '30%',
      itemStyle: { color },
      data: rows.map(at),
    },
    {
      type: 'custom',
      name,
      renderItem: whiskers(slot, share, extent),
      encode: { x: [1, 2], y: 0 },
      tooltip: { show: false },
      z: 10,
      data: rows.map((r, i) => [i, at(r) - conf(r), at(r) + conf(r)]),
    },
  ];
}

/** What a chart of the parameters' indices shows: the rows in order, the series' label and year, its file name. */
interface ParameterChartProps {
  rows: readonly Row[];
  indicator: string;
  year: number;
  exportName: string;
}

/** Sobol' indices: first-order and total per parameter, bars with their intervals, largest total at the top. */
function SobolChart({ rows, indicator, year, exportName }: ParameterChartProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const axis = parameterAxis(rows);
  const title = t('sensitivity.chartSobol', { indicator, year });
  const option = useMemo<ChartOption>(() => {
    const first = t('sensitivity.first');
    const total = t('sensitivity.total');
    // Two bars per category: each takes `share` of the band (barCategoryGap 30%, no gap between them).
    const share = 0.35;
    const interval = (value: number, conf: number) => `${f.fixed(value, 3)} ± ${f.fixed(conf, 3)}`;
    // Shares of variance: the axis spans 0–1 and every estimate (small designs can go past either
    // end); intervals wider than that are cut at the edge.
    const estimates = rows.flatMap((r) => [r.values[0]!, r.values[2]!]);
    const low = Math.min(0, ...estimates);
    const extent: [number, number] = [low < 0 ? -niceCeil(-low) : 0, niceCeil(Math.max(1, ...estimates))];
    return {
      title: { text: title, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: { top: 0, right: 0, data: [first, total] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = rows[params[0]?.dataIndex ?? 0];
          if (!r) return '';
          return [
            `<strong>${escapeHtml(r.label)}</strong>`,
            `<code>${escapeHtml(r.parameter)}</code>`,
            `${first}: ${interval(r.values[0]!, r.values[1]!)}`,
            `${total}: ${interval(r.values[2]!, r.values[3]!)}`,
          ].join('<br/>');
        },
      },
      grid: { left: axis.labelWidth + 14, right: 24, top: 40, bottom: 44 },
      xAxis: {
        type: 'value',
        name: t('sensitivity.indexAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        min: extent[0],
        max: extent[1],
        axisLabel: { formatter: (v: number) => f.num(v, 2) },
      },
      yAxis: axis.yAxis,
      series: [
        ...barWithInterval(first, '#9ecae1', rows, 0, -1, share, extent),
        ...barWithInterval(total, '#0b5cad', rows, 2, 1, share, extent),
      ],
    };
  }, [rows, title, t, f.lang]);
  return (
    <Chart option={option} label={title} height={axis.height} testId="sens-chart" exportName={exportName} />
  );
}

/** Morris: μ* per parameter with its interval (bars), and μ* against σ (scatter, labelled). */
function MorrisCharts({ rows, indicator, year, exportName }: ParameterChartProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const axis = parameterAxis(rows);
  const barsTitle = t('sensitivity.chartMorrisBars', { indicator, year });
  const scatterTitle = t('sensitivity.chartMorrisScatter', { indicator, year });
  const sig = (x: number) => new Intl.NumberFormat(f.lang, { maximumSignificantDigits: 3 }).format(x);
  const tip = (r: Row) =>
    [
      `<strong>${escapeHtml(r.label)}</strong>`,
      `<code>${escapeHtml(r.parameter)}</code>`,
      `μ*: ${sig(r.values[0]!)} ± ${sig(r.values[1]!)}`,
      `μ: ${sig(r.values[2]!)}`,
      `σ: ${sig(r.values[3]!)}`,
    ].join('<br/>');
  const bars = useMemo<ChartOption>(() => {
    // μ* ≥ 0: the axis starts at 0 and reaches past the largest μ*, and its interval unless that is
    // more than twice as far (such intervals are cut at the edge).
    const top = Math.max(0, ...rows.map((r) => r.values[0]!));
    const reach = Math.max(
      top * 1.05,
      Math.min(2 * top, Math.max(...rows.map((r) => r.values[0]! + r.values[1]!))),
    );
    const extent: [number, number] = [0, niceCeil(reach)];
    return {
      title: { text: barsTitle, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = rows[params[0]?.dataIndex ?? 0];
          return r ? tip(r) : '';
        },
      },
      grid: { left: axis.labelWidth + 14, right: 24, top: 36, bottom: 44 },
      xAxis: {
        type: 'value',
        name: t('sensitivity.muStarAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        min: extent[0],
        max: extent[1],
        axisLabel: { formatter: (v: number) => sig(v) },
      },
      yAxis: axis.yAxis,
      series: [...barWithInterval('μ*', '#0b5cad', rows, 0, 0, 0.65, extent)],
    };
  }, [rows, barsTitle, t, f.lang]);
  const scatter = useMemo<ChartOption>(() => {
    const top = Math.max(0, ...rows.flatMap((r) => [r.values[0]!, r.values[3]!]));
    return {
      title: { text: scatterTitle, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: { top: 0, right: 0, data: [t('sensitivity.diagonal')] },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesType: string; dataIndex: number }) => {
          const r = rows[p.dataIndex];
          return p.seriesType === 'scatter' && r ? tip(r) : t('sensitivity.diagonal');
        },
      },
      grid: { left: 64, right: 40, top: 56, bottom: 44 },
      xAxis: {
        type: 'value',
        name: t('sensitivity.muStarAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        min: 0,
        axisLabel: { formatter: (v: number) => sig(v) },
      },
      yAxis: {
        type: 'value',
        name: t('sensitivity.sigmaAxis'),
        nameLocation: 'middle',
        nameGap: 48,
        min: 0,
        axisLabel: { formatter: (v: number) => sig(v) },
      },
      series: [
        {
          type: 'line',
          name: t('sensitivity.diagonal'),
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#8a94a3', width: 1 },
          itemStyle: { color: '#8a94a3' },
          data: [
            [0, 0],
            [top, top],
          ],
        },
        {
          type: 'scatter',
          symbolSize: 9,
          itemStyle: { color: '#0b5cad' },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            color: '#1b1f24',
            formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.label ?? '',
          },
          labelLayout: { hideOverlap: true },
          data: rows.map((r) => [r.values[0], r.values[3]]),
        },
      ],
    };
  }, [rows, scatterTitle, t, f.lang]);
  return (
    <>
      <Chart
        option={bars}
        label={barsTitle}
        height={axis.height}
        testId="sens-chart"
        exportName={`${exportName}-mu-star`}
      />
      <Chart
        option={scatter}
        label={scatterTitle}
        height={420}
        testId="sens-scatter"
        exportName={`${exportName}-mu-star-sigma`}
      />
    </>
  );
}

/** Text for an HTML tooltip. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
