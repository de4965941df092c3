/**
 * The documents an ensemble in the run store is exported as — shared by
 * `concert runs list|show|export` and the HTTP API. Exports are generators of
 * text chunks, run by run, so memory stays flat in the number of runs.
 */
import type { EnsembleRecord, RunStore } from './store.js';

/** The ensemble's identity and progress, as listed by `concert runs list --json`. */
export function ensembleSummary(e: EnsembleRecord) {
  return {
    id: e.id,
    scenario: e.scenario,
    seed: e.seed,
    years: { from: e.yearFrom, to: e.yearTo },
    requestedRuns: e.requestedRuns,
    storedRuns: e.storedRuns,
    createdAt: e.createdAt,
  };
}

/** CSV rows `run,kind,name,year,value`: each run's parameter draws, then its indicator series. */
export function* ensembleCsvChunks(store: RunStore, e: EnsembleRecord): Generator<string> {
  const years = e.yearTo - e.yearFrom + 1;
  yield 'run,kind,name,year,value\n';
  for (const r of store.iterateRuns(e.id)) {
    let chunk = '';
    e.parameters.forEach((p, k) => {
      chunk += `${r.run},parameter,${p},,${r.draws[k]}\n`;
    });
    e.series.forEach((name, s) => {
      for (let t = 0; t < years; t++)
        chunk += `${r.run},indicator,${name},${e.yearFrom + t},${r.values[s * years + t]}\n`;
    });
    yield chunk;
  }
}

/** One JSON document `{ensemble, runs: [{run, parameters, indicators}]}`, written run by run. */
export function* ensembleJsonChunks(store: RunStore, e: EnsembleRecord): Generator<string> {
  const years = e.yearTo - e.yearFrom + 1;
  yield `{"ensemble":${JSON.stringify(ensembleSummary(e))},"runs":[`;
  let first = true;
  for (const r of store.iterateRuns(e.id)) {
    const parameters = Object.fromEntries(e.parameters.map((p, k) => [p, r.draws[k]]));
    const indicators = Object.fromEntries(
      e.series.map((name, s) => [name, Array.from(r.values.subarray(s * years, (s + 1) * years))]),
    );
    yield `${first ? '' : ','}${JSON.stringify({ run: r.run, parameters, indicators })}`;
    first = false;
  }
  yield ']}\n';
}
