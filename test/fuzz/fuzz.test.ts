/**
 * The fuzz suite in `npm test` (issue 21): for every loader of ./loaders.ts,
 * random valid inputs end `ok` (exit 0, every number of the output finite)
 * and random mutated inputs end `ok` or `located` (exit 2, every problem
 * naming the file, a flag or an argument) within the loader's time bound —
 * never an internal error, a crash, an unlocated message or a hang.
 *
 * A few hundred cases per loader here (fewer for the loaders whose commands
 * cost tens of milliseconds: worlds and scenarios); `npm run fuzz` runs
 * ten thousand. Cases are drawn by fast-check, seeded by FC_SEED in CI
 * (test/setup/fast-check.ts): a failure names the seed and the shrunk input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LOADERS, mutated, passes, runCase, warmUp } from './loaders.js';

/** Valid and mutated cases per loader; the costly loaders get fewer so that the file stays within ~45 s. */
const BUDGET: Readonly<Record<string, { valid: number; mutated: number }>> = {
  world: { valid: 20, mutated: 60 },
  scenario: { valid: 30, mutated: 120 },
};
const DEFAULT_BUDGET = { valid: 50, mutated: 200 };

const dir = mkdtempSync(join(tmpdir(), 'concert-fuzz-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz: every loader through the CLI', () => {
  for (const loader of LOADERS) {
    const budget = BUDGET[loader.name] ?? DEFAULT_BUDGET;
    it(`${loader.name}: valid inputs end ok, mutated ones ok or located (${loader.input})`, async () => {
      const caseDir = mkdtempSync(join(dir, `${loader.name}-`));
      // The first cases of a command load its modules and data: not timed.
      await warmUp(loader, caseDir);
      for (const [kind, arbitrary, numRuns] of [
        ['valid', loader.valid, budget.valid],
        ['mutated', mutated(loader.valid), budget.mutated],
      ] as const) {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (text) => {
            const r = await runCase(loader, text, caseDir);
            const why = `${kind} input ended ${r.outcome}: ${r.detail ?? ''}\n${r.command?.join(' ') ?? ''}`;
            expect(passes(loader, kind, r), why).toBe(true);
          }),
          { numRuns },
        );
      }
    });
  }
});
