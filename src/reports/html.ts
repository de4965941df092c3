/**
 * The HTML report of a scenario run or a comparison: one self-contained file
 * (inline styles and SVG charts, no script, no outside resource) that opens
 * offline and shows the assumptions (each scenario's description, events,
 * uncertain parameters, ensemble), the results (fan charts and tables of the
 * bands, the paired difference with its 95% intervals and what each event
 * contributes), the sources and the attribution. It is built from the same
 * documents `concert run --json` and `concert compare --json` print (and
 * embeds them unchanged in a `<script type="application/json">` block), so
 * its numbers are those of the CLI. `concert report` writes it; the web lab
 * downloads it from POST /api/reports/html.
 */
import type { Scenario } from '../scenario/scenario.js';
import type { BandsDocument, ComparisonDocument, EnsembleDocument } from './scenario.js';

/** What the report says about one scenario: its assumptions as written. */
export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  readonly actors: readonly string[];
  readonly years: { readonly from: number; readonly to: number };
  readonly worldYear: number;
  readonly ensemble: { readonly runs: number; readonly seed: number };
  readonly events: readonly { readonly type: string; readonly year: number; readonly details: string }[];
  readonly uncertain: readonly { readonly parameter: string; readonly distribution: string }[];
}

/** What a report holds: the scenarios and the documents of their results. */
export interface ReportInput {
  readonly scenarios: readonly ReportScenario[];
  /** Ensembles (`concert run --json`), one per scenario run. */
  readonly ensembles?: readonly EnsembleDocument[];
  /** A paired comparison (`concert compare --json`). */
  readonly comparison?: ComparisonDocument;
  /** When the report was made (ISO 8601). */
  readonly generatedAt: string;
  /** The command that reproduces the numbers. */
  readonly command: string;
  /** Concert's version. */
  readonly version: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A number for tables: 3 decimals below 100 in magnitude, else whole (as the CLI prints bands). */
function num(x: number | undefined, digits?: number): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : 3);
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** The assumptions of a prepared scenario, for the report. */
export function reportScenario(s: Scenario): ReportScenario {
  return {
    name: s.name,
    description: s.description,
    actors: s.actors,
    years: { from: s.years.from, to: s.years.to },
    worldYear: s.world.year,
    ensemble: { runs: s.ensemble.runs, seed: s.ensemble.seed },
    events: s.events.map((e) => {
      const { type, year, ...rest } = e as { type: string; year: number } & Record<string, unknown>;
      const details = Object.entries(rest)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ');
      return { type, year, details };
    }),
    uncertain: s.uncertain.map((u) => {
      const { type, ...p } = u.distribution as unknown as { type: string } & Record<
        string,
        number | undefined
      >;
      const params = Object.entries(p)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return { parameter: u.parameter, distribution: `${type} (${params})` };
    }),
  };
}

/** Round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  // A span below float resolution (a series equal up to rounding, e.g. a dyad's crisis stability at 1)
  // counts as none: its step would not advance v, and the loop below would never end.
  const span = hi - lo > 1e-9 * Math.max(1, Math.abs(hi)) ? hi - lo : Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * A fan chart as inline SVG: the 5–95% and 25–75% bands and the median of
 * one indicator (or of a paired difference), with axes, a legend and a title.
 */
export function fanChartSvg(title: string, b: BandsDocument, width = 640, height = 260): string {
  const left = 64;
  const right = 14;
  const top = 40;
  const bottom = 30;
  const lo = Math.min(...b.q05);
  const hi = Math.max(...b.q95);
  const ys = ticks(lo, hi);
  const y0 = Math.min(lo, ys[0] ?? lo);
  const y1 = Math.max(hi, ys.at(-1) ?? hi);
  const n = b.years.length;
  const x = (k: number) => left + (n <= 1 ? 0 : (k * (width - left - right)) / (n - 1));
  const y = (v: number) => top + (height - top - bottom) * (1 - (v - y0) / (y1 - y0 || 1));
  const area = (upper: readonly number[], lower: readonly number[]) =>
    [
      ...upper.map((v, k) => `${x(k).toFixed(1)},${y(v).toFixed(1)}`),
      ...lower.map((_, k) => `${x(n - 1 - k).toFixed(1)},${y(lower[n - 1 - k]!).toFixed(1)}`),
    ].join(' ');
  const line = b.q50.map((v, k) => `${x(k).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const every = Math.max(1, Math.ceil(n / 8));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`Fan chart of ${title}`)}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="0" y="14" font-size="13" font-weight="600">${escapeHtml(title)}</text>`,
    `<g font-size="10"><rect x="0" y="22" width="14" height="8" fill="#c6dbef"/><text x="18" y="30">5–95%</text><rect x="64" y="22" width="14" height="8" fill="#6baed6"/><text x="82" y="30">25–75%</text><line x1="132" y1="26" x2="146" y2="26" stroke="#08306b" stroke-width="2"/><text x="150" y="30">median</text></g>`,
    ...ys.map(
      (v) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e7ec"/><text x="${left - 6}" y="${(y(v) + 3).toFixed(1)}" font-size="10" text-anchor="end">${escapeHtml(num(v, Math.max(0, -Math.floor(Math.log10(Math.abs((ys[1] ?? 1) - (ys[0] ?? 0)) || 1)))))}</text>`,
    ),
    `<polygon points="${area(b.q95, b.q05)}" fill="#c6dbef"/>`,
    `<polygon points="${area(b.q75, b.q25)}" fill="#6baed6"/>`,
    `<polyline points="${line}" fill="none" stroke="#08306b" stroke-width="2"/>`,
    ...b.years.map((yr, k) =>
      k % every === 0 || k === n - 1
        ? `<text x="${x(k).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${yr}</text>`
        : '',
    ),
    `<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#4a5360"/>`,
    '</svg>',
  ];
  return parts.join('');
}

/** System-wide indicator names (not per-actor series `name.ID`). */
function systemNames(indicators: Readonly<Record<string, unknown>>, actors: readonly string[]): string[] {
  return Object.keys(indicators).filter(
    (n) => !actors.some((id) => n.endsWith(`.${id}`)) && !/\.[A-Z]{3}$/.test(n),
  );
}

/** The first, middle and last year's indices of a series of `n` years. */
function picks(n: number): number[] {
  return [...new Set([0, Math.floor((n - 1) / 2), n - 1])];
}

function bandsTable(indicators: Readonly<Record<string, BandsDocument>>, names: readonly string[]): string {
  const first = indicators[names[0]!];
  if (!first) return '';
  const ks = picks(first.years.length);
  const head = ks.map((k) => `<th>${first.years[k]} median [5%, 95%]</th>`).join('');
  const rows = names
    .map((n) => {
      const b = indicators[n]!;
      return `<tr><th scope="row"><code>${escapeHtml(n)}</code></th>${ks.map((k) => `<td>${num(b.q50[k])} [${num(b.q05[k])}, ${num(b.q95[k])}]</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr><th>indicator</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function scenarioSection(s: ReportScenario): string {
  const events =
    s.events.length === 0
      ? '<p>No events.</p>'
      : `<table><thead><tr><th>year</th><th>event</th><th>details</th></tr></thead><tbody>${s.events.map((e) => `<tr><td>${e.year}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.details)}</td></tr>`).join('')}</tbody></table>`;
  const uncertain =
    s.uncertain.length === 0
      ? '<p>No uncertain parameters.</p>'
      : `<table><thead><tr><th>parameter</th><th>distribution (an assumption unless the scenario cites a source)</th></tr></thead><tbody>${s.uncertain.map((u) => `<tr><td><code>${escapeHtml(u.parameter)}</code></td><td>${escapeHtml(u.distribution)}</td></tr>`).join('')}</tbody></table>`;
  return `<section><h3>${escapeHtml(s.name)}</h3><p>${escapeHtml(s.description)}</p><p>Actors: ${escapeHtml(s.actors.join(', '))}. Years ${s.years.from}–${s.years.to}, from the world of ${s.worldYear}. The scenario's own ensemble: ${s.ensemble.runs} runs, seed ${s.ensemble.seed}.</p><h4>Events</h4>${events}<h4>Uncertain parameters (drawn per run)</h4>${uncertain}</section>`;
}

function ensembleSection(e: EnsembleDocument): string {
  const names = systemNames(e.indicators, e.actors);
  return `<section><h3>${escapeHtml(e.scenario)}: ${e.runs} runs, seed ${e.seed}, ${e.years.from}–${e.years.to}</h3><p>Ensemble <code>${escapeHtml(e.ensemble)}</code>. Bands over the runs: 5–95% (light), 25–75% (dark), median (line).</p><div class="charts">${names.map((n) => `<figure>${fanChartSvg(n, e.indicators[n]!)}</figure>`).join('')}</div>${bandsTable(e.indicators, names)}</section>`;
}

function interval(mean: number | undefined, low: number | undefined, high: number | undefined): string {
  const d = Math.max(Math.abs(low ?? 0), Math.abs(high ?? 0)) >= 100 ? 0 : 3;
  return `${num(mean, d)} [${num(low, d)}, ${num(high, d)}]`;
}

function comparisonSection(c: ComparisonDocument, actors: readonly string[]): string {
  const names = systemNames(c.indicators, actors);
  const first = c.indicators[names[0]!];
  const ks = first ? picks(first.years.length).slice(1) : [];
  const table = first
    ? `<table><thead><tr><th>indicator</th>${ks.map((k) => `<th>${first.years[k]} mean difference [95% CI]</th>`).join('')}</tr></thead><tbody>${names
        .map((n) => {
          const d = c.indicators[n]!;
          return `<tr><th scope="row"><code>${escapeHtml(n)}</code></th>${ks.map((k) => `<td>${interval(d.mean[k], d.ciLow[k], d.ciHigh[k])}</td>`).join('')}</tr>`;
        })
        .join('')}</tbody></table>`
    : '';
  const shown = [
    'stability.index',
    'crisisStability.worst',
    'arms.milexGrowth',
    'relations.meanScore',
  ].filter((n) => names.includes(n));
  const peak = (m: readonly number[]) =>
    m.reduce((best, v, t) => (Math.abs(v) > Math.abs(m[best]!) ? t : best), 0);
  const attribution =
    c.attribution.length === 0
      ? '<p>Neither scenario has events (or attribution was not asked for).</p>'
      : `<table><thead><tr><th>event</th><th>in</th>${shown.map((n) => `<th><code>${escapeHtml(n)}</code> at its peak (year)</th>`).join('')}</tr></thead><tbody>${c.attribution
          .map((a) => {
            const cells = shown
              .map((n) => {
                const e = a.effects[n];
                if (!e) return '<td>—</td>';
                const t = peak(e.mean);
                return `<td>${num(e.mean[t], 3)} [${num(e.ciLow[t], 3)}, ${num(e.ciHigh[t], 3)}] (${e.years[t]})</td>`;
              })
              .join('');
            return `<tr><td>${escapeHtml(a.label)}</td><td>${escapeHtml(a.scenario === 'a' ? c.scenario.a : c.scenario.b)}</td>${cells}</tr>`;
          })
          .join('')}</tbody></table>`;
  return `<section><h3>${escapeHtml(c.scenario.b)} − ${escapeHtml(c.scenario.a)}: ${c.runs} paired runs, seed ${c.seed} (common random numbers)</h3><p>Run k of each scenario draws the same random numbers; the bands are those of the per-run difference B − A, and the intervals are the 95% intervals of the mean difference.</p><div class="charts">${names.map((n) => `<figure>${fanChartSvg(`${n}: ${c.scenario.b} − ${c.scenario.a}`, c.indicators[n]!)}</figure>`).join('')}</div>${table}<h4>What drives the difference</h4><p>Each event switched off in turn (its scenario run again with the same draws); the effect on B − A in the year of its largest effect, with its 95% interval.</p>${attribution}</section>`;
}

/** The report as one HTML document. */
export function renderReport(input: ReportInput): string {
  const title = input.comparison
    ? `${input.comparison.scenario.b} − ${input.comparison.scenario.a}`
    : (input.ensembles?.map((e) => e.scenario).join(' and ') ??
      input.scenarios.map((s) => s.name).join(' and '));
  const actors = [...new Set(input.scenarios.flatMap((s) => s.actors))];
  const documents = {
    ...(input.ensembles ? { ensembles: input.ensembles } : {}),
    ...(input.comparison ? { comparison: input.comparison } : {}),
  };
  // Embedded as JSON; "<" is escaped so that no text can close the script element.
  const embedded = JSON.stringify(documents).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concert report: ${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#1b1f24;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #c9d0da;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{border:1px solid #c9d0da;padding:.2rem .5rem;text-align:left}td{font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0}.note{color:#4a5360;font-size:.9rem}code{background:#f4f6f9;padding:0 .2rem}
</style>
</head>
<body>
<h1>Concert report: ${escapeHtml(title)}</h1>
<p class="note">Made ${escapeHtml(input.generatedAt)} by Concert ${escapeHtml(input.version)}. Reproduce the numbers with <code>${escapeHtml(input.command)}</code>; the documents the report shows are embedded at its end (<code>#concert-documents</code>), as that command prints them with <code>--json</code>.</p>
<h2>Assumptions</h2>
${input.scenarios.map(scenarioSection).join('\n')}
<h2>Results</h2>
${(input.ensembles ?? []).map(ensembleSection).join('\n')}
${input.comparison ? comparisonSection(input.comparison, actors) : ''}
<h2>Sources</h2>
<ul>
<li>Starting world: the embedded default world (docs/world.md): COW National Material Capabilities v6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021), COW State System and Major Powers v2016, World Bank WDI GDP and population; relations from ATOP v5.1 (Leeds et al. 2002), COW alliances v4.1 (Gibler 2009), COW MID v5.0 (Palmer et al. 2022), Thompson–Dreyer strategic rivalries (2012) and UN General Assembly voting (Voeten et al.).</li>
<li>Nuclear forces and missile defences as of 2017: data/forces-2017.json, every figure with a source, a derivation or a stated assumption.</li>
<li>Models: docs/models/scenario.md (the engine, its couplings and indicators), docs/models/deterrence.md, docs/models/arms.md, docs/models/relations.md, docs/models/games-repeated.md; the scenarios: docs/scenarios.md. Full data provenance: data/SOURCES.md.</li>
</ul>
<h2>Attribution</h2>
<p>Computed with Concert ${escapeHtml(input.version)}, an open, quantitative laboratory for strategic stability (MIT licence). Concert computes; it does not take sides: every figure has a source or is marked as an assumption. Cite the data sources above with any figure taken from this report.</p>
<script type="application/json" id="concert-documents">${embedded}</script>
</body>
</html>
`;
}
