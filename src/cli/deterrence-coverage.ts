/**
 * `concert deterrence coverage <defense>`: which launch areas, targets and
 * trajectories a missile defense can engage and why — distances, times,
 * speeds (models/deterrence coverage and engagement, reports/deterrence).
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import { defenseCoverage } from '../models/deterrence/index.js';
import { type CoverageDocument, coverageReport, resolveDefense, sensorSwitches } from '../reports/index.js';
import { loadDeterrenceWorld } from './deterrence.js';
import { Flags, underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const km = (x: number) => String(Math.round(x));

/** The defense's geometry, its cueing sensors, a line per attacker system and (some of) the trajectories. */
export function coverageText(doc: CoverageDocument, all: boolean): string {
  const lines: string[] = [];
  const i = doc.interceptor;
  lines.push(
    `${doc.name} (${doc.actor}.${doc.defense})${doc.phase ? `, ${doc.phase} defense` : ', no sites: its coverage rules decide'}`,
  );
  if (i)
    lines.push(
      `sites: ${doc.sites.map((s) => `${s.name} (${fixed(s.lat, 2)}, ${fixed(s.lon, 2)})`).join('; ')}`,
      `interceptor: ${i.speedKmS} km/s burnout, burn ${i.burnTimeS} s, reach ${km(i.rangeKm)} km, altitudes ${i.minAltitudeKm}–${i.maxAltitudeKm} km, reaction ${i.reactionTimeS} s; own radar ${i.radarRangeKm > 0 ? `${km(i.radarRangeKm)} km` : 'none'}`,
    );
  lines.push(
    `cueing sensors in use: ${doc.sensors.length > 0 ? doc.sensors.map((s) => `${s.id} (${km(s.rangeKm)} km; ${s.cue})`).join(', ') : 'none'}`,
  );
  lines.push(`targets: value targets of ${doc.targetActor}`);
  lines.push(
    renderTable(
      [
        { header: 'attacker system' },
        { header: 'trajectories', align: 'right' },
        { header: 'engageable', align: 'right' },
        { header: 'share of warheads', align: 'right' },
      ],
      doc.attackers.map((a) => [
        `${a.attacker} ${a.system}`,
        String(a.trajectories),
        String(a.engageable),
        percent(a.engageableShare, 1),
      ]),
    ),
  );
  const rows = all
    ? doc.trajectories
    : [
        ...doc.trajectories.filter((t) => t.engagement.engageable).slice(0, 15),
        ...doc.trajectories.filter((t) => !t.engagement.engageable).slice(0, 15),
      ];
  if (rows.length > 0)
    lines.push(
      renderTable(
        [
          { header: 'attacker system' },
          { header: 'from → to' },
          { header: 'range km', align: 'right' },
          { header: 'apogee km', align: 'right' },
          { header: 'flight s', align: 'right' },
          { header: 'engages' },
          { header: 'why' },
        ],
        rows.map((t) => [
          `${t.attacker} ${t.system}`,
          `${t.launchArea} → ${t.target}`,
          km(t.rangeKm),
          km(t.apogeeKm),
          km(t.flightTimeS),
          t.engagement.engageable ? 'yes' : 'no',
          t.engagement.reason,
        ]),
      ),
    );
  if (!all && rows.length < doc.trajectories.length)
    lines.push(
      `(${rows.length} of ${doc.trajectories.length} trajectories shown; --all lists every one, --json gives all)`,
    );
  return lines.join('\n');
}

/** Registers `deterrence coverage`. */
export function register(program: Command): void {
  group(
    program,
    'deterrence',
    'counterforce exchanges through missile defenses and Kent–Thaler first-strike stability of nuclear dyads',
  )
    .command('coverage')
    .description(
      'which launch areas, targets and trajectories a missile defense can engage, and why (distances, times, speeds)',
    )
    .argument('<defense>', 'ACTOR.DEFENSE or DEFENSE, e.g. USA.THAAD-Korea or A-135')
    .option('--attackers <ids>', 'attacking actors, e.g. CHN,PRK (default: every other nuclear actor)')
    .option(
      '--targets <id>',
      'whose value targets the warheads aim at (default: the defense’s owner), e.g. KOR',
    )
    .option(
      '--sensor <id=on|off>',
      'switch a sensor, e.g. USA.TPY-2-Korea=on (repeatable; default: as the world says)',
      collect,
      [] as string[],
    )
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world (forces as of 2017)')
    .option('--all', 'list every trajectory (default: up to 15 engageable and 15 not)')
    .option('--json', 'print JSON')
    .action(
      action((spec, opts) => {
        const flags = new Flags();
        const world = loadDeterrenceWorld(opts.world);
        const resolved = resolveDefense(world, spec);
        if ('message' in resolved) throw badInput({ ...resolved, path: ['<defense>'] });
        const attackers =
          opts.attackers !== undefined ? flags.list(opts.attackers, '--attackers') : undefined;
        const switches = sensorSwitches(world, opts.sensor);
        if (Array.isArray(switches))
          for (const p of switches) flags.fail(['--sensor', ...(p.path ?? [])], p.message);
        flags.done();
        const options = Array.isArray(switches) ? {} : switches;
        const c = underFlag(
          (path) =>
            path[0] === 'attackers'
              ? ['--attackers', ...path.slice(1)]
              : path[0] === 'targetActor'
                ? ['--targets']
                : ['<defense>'],
          () =>
            defenseCoverage(world, resolved.actor, resolved.defense, {
              ...(attackers ? { attackers } : {}),
              ...(opts.targets !== undefined ? { targetActor: opts.targets } : {}),
              options,
            }),
        );
        const doc = coverageReport(c);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${coverageText(doc, opts.all === true)}\n`);
      }),
    );
}
