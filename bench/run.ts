/**
 * Benchmark runner: `npm run bench [-- filter]` runs every `bench/*.bench.ts`
 * (or those whose name contains the filter) with tinybench and prints one
 * table per file. Each file default-exports a function that adds tasks to the
 * Bench it is given. Results go into docs/performance.md by hand, with this
 * command line.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

export type BenchFile = (bench: Bench) => void | Promise<void>;

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

for (const file of files) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { default: BenchFile };
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  await mod.default(bench);
  await bench.run();
  console.log(`\n# ${file}`);
  console.table(bench.table());
}
