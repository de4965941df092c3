/**
 * Progress bars on stderr (cli-progress), drawn only when stderr is a
 * terminal, so that piped output and `--json` stay clean.
 */
import cliProgress from 'cli-progress';

/** A progress bar whose label may change (a new label starts a new bar). */
export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

/** A progress bar counting `unit` (e.g. `runs`, `matches`). */
export function progress(unit: string): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    update(label, done, total) {
      if (!started || label !== current) {
        if (started) bar.stop();
        bar.start(total, done, { label });
        started = true;
        current = label;
      } else bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
