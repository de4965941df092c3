/**
 * `concert runs list | show <id> | export <id> --format csv|json`: what the
 * run store holds. Export streams run by run, so it works for any number of
 * runs in constant memory.
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import { runsListDocument, storedEnsembleDocument } from '../reports/index.js';
import { ensembleCsvChunks, ensembleJsonChunks } from '../runtime/export.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { summarizeStored } from '../scenario/summary.js';
import { action, group, printJson } from './run.js';
import { bandsTable } from './scenario-run.js';
import { renderTable } from './table.js';

function withStore<T>(path: string | undefined, fn: (store: RunStore) => T): T {
  const store = RunStore.open(path ?? defaultStorePath());
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

function writeChunks(chunks: Iterable<string>): void {
  for (const chunk of chunks) process.stdout.write(chunk);
}

export function register(program: Command): void {
  const runs = group(program, 'runs', 'inspect and export the ensembles in the run store');
  runs
    .command('list')
    .description('list the ensembles in the store, newest first')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action((opts) =>
        withStore(opts.store, (store) => {
          const list = store.listEnsembles();
          if (opts.json) {
            printJson(runsListDocument(store.path, list));
            return;
          }
          if (list.length === 0) {
            process.stdout.write(`no ensembles in ${store.path}\n`);
            return;
          }
          const rows = list.map((e) => [
            e.id.slice(0, 12),
            e.scenario,
            String(e.seed),
            `${e.yearFrom}..${e.yearTo}`,
            `${e.storedRuns}/${e.requestedRuns}`,
            e.createdAt,
          ]);
          process.stdout.write(
            `${renderTable(
              [
                { header: 'id' },
                { header: 'scenario' },
                { header: 'seed', align: 'right' },
                { header: 'years' },
                { header: 'runs stored/requested', align: 'right' },
                { header: 'created' },
              ],
              rows,
            )}\n`,
          );
        }),
      ),
    );
  runs
    .command('show')
    .description('show one ensemble: its scenario, parameters and indicator bands over the stored runs')
    .argument('<id>', 'ensemble id or a prefix of at least 6 hex digits')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action((id, opts) =>
        withStore(opts.store, (store) => {
          const e = store.findEnsemble(id);
          if (e.storedRuns === 0) throw badInput({ message: `ensemble ${id} has no stored runs yet` });
          // An interrupted ensemble may hold any subset of its run indices: summarise the runs it holds.
          const doc = storedEnsembleDocument(e, summarizeStored(store, e));
          if (opts.json) {
            printJson(doc);
            return;
          }
          const { runs: stored, indicators } = doc;
          const actors = (JSON.parse(e.definition) as { actors: string[] }).actors;
          process.stdout.write(
            `${e.scenario} (ensemble ${e.id.slice(0, 12)}, seed ${e.seed}): ${stored} runs\n`,
          );
          if (e.parameters.length > 0) process.stdout.write(`uncertain: ${e.parameters.join(', ')}\n`);
          process.stdout.write(`\n${bandsTable(indicators, actors)}\n`);
        }),
      ),
    );
  runs
    .command('export')
    .description('export every stored run of an ensemble (drawn parameters and yearly indicators)')
    .argument('<id>', 'ensemble id or a prefix of at least 6 hex digits')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .action(
      action((id, opts) =>
        withStore(opts.store, (store) => {
          if (opts.format !== 'csv' && opts.format !== 'json') {
            throw badInput({ path: ['--format'], message: `expected csv or json, got "${opts.format}"` });
          }
          const e = store.findEnsemble(id);
          if (opts.format === 'csv') writeChunks(ensembleCsvChunks(store, e));
          else writeChunks(ensembleJsonChunks(store, e));
        }),
      ),
    );
}
