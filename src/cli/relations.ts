/**
 * `concert relations explain A B`: the components, sources and score of one
 * relation of the default world (world/explain-relation, reports/relations;
 * docs/models/relations.md). Parse → build the report → print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { type RelationExplanationDocument, relationExplanationAnalysis } from '../reports/index.js';
import { underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';
import { parseYear } from './world-options.js';

const NAMES: Record<string, string> = {
  baseline: 'baseline',
  alliance: 'alliance obligations',
  conflict: 'militarized disputes',
  rivalry: 'strategic rivalry',
  unga: 'UN General Assembly voting',
  trade: 'trade dependence',
};

/** The components table and the score of an explanation document. */
export function explanationText(e: RelationExplanationDocument): string {
  const [a, b] = e.actors;
  const rows = e.components.map((c) => [
    NAMES[c.component] ?? c.component,
    c.value === null ? '—' : fixed(c.value, 3),
    `${c.contribution >= 0 ? '+' : ''}${fixed(c.contribution, 3)}`,
    c.detail,
  ]);
  return [
    `${a.name} (${a.id}) – ${b.name} (${b.id}), ${e.year}: rule ${e.rule}`,
    renderTable(
      [
        { header: 'Component' },
        { header: 'Measure', align: 'right' },
        { header: 'Contribution to η', align: 'right' },
        { header: 'Evidence and sources' },
      ],
      rows,
    ),
    '',
    e.tied
      ? `η = ${fixed(e.eta, 3)}; score = tanh(η/2) = ${fixed(e.score, 2)} → ${e.kind}`
      : `No tie (no alliance obligation, no dispute in the last 10 years, no rivalry): neutral, score 0. UNGA voting sets the sign of a tie but does not create one.`,
    `UNGA roll calls cover ${e.ungaYears.first}–${e.ungaYears.last}; docs/models/relations.md explains every component.`,
  ].join('\n');
}

/** Registers `relations` and its `explain` subcommand. */
export function register(program: Command): void {
  const relations = group(
    program,
    'relations',
    'relations of the default world: components, sources and scores',
  );
  relations
    .command('explain')
    .description('the components, sources and score of the relation of two states in the default world')
    .argument('<a>', 'first actor id, e.g. USA')
    .argument('<b>', 'second actor id, e.g. CHN')
    .option('--year <year>', 'year of the default world, 1816–2016 (default 2016; UNGA voting from 1946)')
    .option('--json', 'print JSON')
    .action(
      action((a, b, o) => {
        const year = o.year === undefined ? 2016 : parseYear(o.year);
        const doc = underFlag(
          (path) => [path[0] === 'a' ? 'actor 1' : path[0] === 'b' ? 'actor 2' : '--year'],
          () => relationExplanationAnalysis({ year, a, b }),
        );
        if (o.json) printJson(doc);
        else process.stdout.write(`${explanationText(doc)}\n`);
      }),
    );
}
