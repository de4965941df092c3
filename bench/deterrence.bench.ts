/**
 * models/deterrence: the scenario engine's per-year call and the web lab's sweep.
 *
 * Tasks: all dyads of the 2017 default world, both strike orders, with the
 * engagement geometry (defenses with sites, sensors, launch areas, city value
 * targets and damage curves) and defenses, as shipped (target < 20 ms, issue
 * 15); the same world with every defense's sites removed, so that coverage
 * rules alone decide what a defense engages (no geometry: the cost of the
 * geometry is the difference); one dyad (USA–RUS, USA–CHN); a 10,000-point
 * sweep of US GMD interceptors 0..1,000 for USA–CHN (target < 2 s).
 *
 * `DETERRENCE_SWEEP=0` leaves the sweep out (about ten minutes of the run),
 * e.g. to compare two builds on `allDyads` alone.
 *
 * Every `allDyads` call is cold: it compiles the actors afresh and computes
 * every trajectory, engagement, sensor track and damage curve it needs in a
 * memo that lives for that call only (shared by its dyads and both strike
 * orders); nothing is kept from one call to the next. The scenario engine's
 * `geometryCache`, which does carry them across calls, is not used here.
 * (engagement.ts keeps small lookups — each sensor's and defense's memo keys
 * and cueing lists — in WeakMaps keyed by the compiled sensor and defense
 * objects, which every call builds anew, so no call finds another's entries.)
 * The CPU-time bench also times the call on a fresh deep copy of the world
 * each time (`structuredClone`, made before the timed call), which no cache
 * keyed by the world could serve, beside a control that makes the same copy
 * but computes on the shared world: the two must cost the same (the copy's
 * allocation adds collector work to both, so both are above the plain task).
 *
 * The runner's Bench measures wall-clock time. On a shared machine wall time
 * also counts the time other processes hold the cores, so the same tasks are
 * timed again on the process's CPU clock (user + system time of this process,
 * `process.cpuUsage`), with the load average printed beside them.
 */
import { loadavg } from 'node:os';
import { Bench } from 'tinybench';
import {
  allDyads,
  dyad,
  type ParameterPath,
  parseParameterPath,
  sweep,
} from '../src/models/deterrence/index.js';
import { loadDefaultWorld } from '../src/world/default.js';
import type { World } from '../src/world/schema.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** `world` with every defense's sites removed: its coverage rules alone decide what it engages. */
function withoutSites(world: World): World {
  const actors: World['actors'] = {};
  for (const [id, a] of Object.entries(world.actors)) {
    if (!a.defenses) {
      actors[id] = a;
      continue;
    }
    const defenses = Object.fromEntries(
      Object.entries(a.defenses).map(([did, d]) => {
        const { sites: _sites, ...rest } = d;
        return [did, rest];
      }),
    );
    actors[id] = { ...a, defenses };
  }
  return { ...world, actors };
}

export default async function (bench: Bench): Promise<void> {
  const world = loadDefaultWorld();
  const dyads = allDyads(world).length;
  const armed = Object.values(world.actors).filter((a) => a.forces);
  const sited = armed.flatMap((a) => Object.values(a.defenses ?? {})).filter((d) => d.sites).length;
  const sensors = armed.reduce((n, a) => n + Object.keys(a.sensors ?? {}).length, 0);
  const withCities = armed.filter((a) => (a.cities?.length ?? 0) > 0).length;
  console.log(
    `\n# deterrence.bench.ts: 2017 world, ${dyads} dyads; ${sited} defenses with sites, ${sensors} sensors, ${withCities} of ${armed.length} armed actors with cities`,
  );
  const allName = `allDyads, 2017 world (${dyads} dyads, both orders, with geometry and defenses)`;
  bench.add(allName, () => {
    allDyads(world);
  });
  const flat = withoutSites(world);
  const flatName = `allDyads, 2017 world (${dyads} dyads, both orders, defenses without sites: no geometry)`;
  bench.add(flatName, () => {
    allDyads(flat);
  });
  bench.add('dyad USA–RUS (both orders)', () => {
    dyad(world, 'USA', 'RUS');
  });
  bench.add('dyad USA–CHN (both orders)', () => {
    dyad(world, 'USA', 'CHN');
  });

  const param = parseParameterPath(world, 'defenses.USA.GMD.interceptors') as ParameterPath;
  const values = Array.from({ length: 10_000 }, (_, i) => (1000 * i) / 9999);
  const sweepName = 'sweep USA–CHN, GMD interceptors 0..1,000, 10,000 points';
  const runSweep = () => {
    sweep(world, ['USA', 'CHN'], param, 'defenses.USA.GMD.interceptors', values);
  };

  const withSweep = process.env.DETERRENCE_SWEEP !== '0';
  if (withSweep) {
    const heavy = new Bench({ time: 0, iterations: 3, warmupIterations: 1 });
    heavy.add(sweepName, runSweep);
    await heavy.run();
    console.log('\n# deterrence.bench.ts (wall clock, heavy task, 3 iterations)');
    console.table(heavy.table());
  }

  const cpu = new Bench({ time: 0, iterations: 200, warmupIterations: 20, now: cpuMs });
  cpu.add(allName, () => {
    allDyads(world);
  });
  cpu.add(flatName, () => {
    allDyads(flat);
  });
  // The cold check: a deep copy of the world is made before every call (untimed) in both tasks; one
  // task computes on the copy, which no cache keyed by the world could serve, the other on the
  // shared world. The copy's allocation makes the collector's work in the timed call the same for
  // both (and larger than in the tasks above): equal times mean nothing is kept between calls.
  let copy = world;
  const makeCopy = {
    beforeEach: () => {
      copy = structuredClone(world);
    },
  };
  cpu.add(
    `allDyads on a fresh deep copy of the 2017 world each call (${dyads} dyads; cold check)`,
    () => {
      allDyads(copy);
    },
    makeCopy,
  );
  cpu.add(
    `allDyads on the shared 2017 world, a deep copy made each call and not used (${dyads} dyads; its control)`,
    () => {
      allDyads(world); // `copy` stays alive through the call, as in the task above
    },
    makeCopy,
  );
  await cpu.run();
  const cpuHeavy = new Bench({ time: 0, iterations: 3, warmupIterations: 1, now: cpuMs });
  if (withSweep) {
    cpuHeavy.add(sweepName, runSweep);
    await cpuHeavy.run();
  }
  console.log(
    `\n# deterrence.bench.ts (process CPU time; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  console.table([...cpu.table(), ...cpuHeavy.table()]);
}
