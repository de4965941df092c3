/** The progress bar of a running job (an ensemble or a comparison). */
import { useFormat } from './format';

export function RunProgress({
  progress,
  label,
}: {
  progress: { done: number; total: number } | null;
  label: string;
}) {
  const f = useFormat();
  if (!progress) return null;
  return (
    <div>
      <label>
        <span>
          {label}: {f.int(progress.done)} / {f.int(progress.total)}
        </span>
        <progress max={progress.total} value={progress.done} data-testid="progress" />
      </label>
    </div>
  );
}
