/** Command-line options of the stand-alone bench scripts (bench/server-*.ts). */

/** The whole number ≥ 1 after `--name` on the command line, or `fallback` when the flag is absent. */
export function wholeOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const x = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name}: expected a whole number ≥ 1`);
  return x;
}
