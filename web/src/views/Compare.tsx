/**
 * Compare view: two scenarios' ensembles side by side (same runs and seed,
 * so the same random draws), one indicator at a time on a shared scale; then
 * the paired difference B − A and what each event contributes to it
 * (PairedDifference).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { FanChart } from '../FanChart';
import { PairedDifference } from '../PairedDifference';
import { IndicatorPicker, ScenarioPicker } from '../Pickers';
import { RunProgress } from '../RunProgress';
import type { ShippedScenario } from '../types';
import { splitIndicators, useEnsembleRunner } from './Scenario';

export default function CompareView() {
  const { t } = useTranslation();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const ids = (shipped.data?.scenarios ?? []).map((s) => s.id);
  const [a, setA] = useState('baseline-2017');
  const [b, setB] = useState('thaad-korea');
  const [runs, setRuns] = useState(20);
  const [seed, setSeed] = useState(1);
  const [indicator, setIndicator] = useState('stability.index');
  const left = useEnsembleRunner();
  const right = useEnsembleRunner();
  const running = left.running || right.running;

  const run = async () => {
    await left.run({ id: a }, runs, seed);
    await right.run({ id: b }, runs, seed);
  };

  const names = useMemo(() => {
    if (!left.result || !right.result) return [];
    const inRight = new Set(Object.keys(right.result.indicators));
    return splitIndicators(left.result).system.filter((n) => inRight.has(n));
  }, [left.result, right.result]);
  const shown = names.includes(indicator) ? indicator : names[0];
  const bandsA = shown ? left.result?.indicators[shown] : undefined;
  const bandsB = shown ? right.result?.indicators[shown] : undefined;
  const range = useMemo<[number, number] | undefined>(() => {
    if (!bandsA || !bandsB) return undefined;
    const all = [...bandsA.q05, ...bandsA.q95, ...bandsB.q05, ...bandsB.q95];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    // Round outwards to half the order of magnitude of the span, so that both axes get round ends.
    const step = 10 ** Math.floor(Math.log10(hi - lo || Math.abs(hi) || 1)) / 2;
    return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  }, [bandsA, bandsB]);

  return (
    <section aria-labelledby="cmp-h">
      <h1 id="cmp-h">{t('compare.heading')}</h1>
      <p className="intro">{t('compare.intro')}</p>
      <div className="controls">
        <ScenarioPicker label={t('compare.a')} ids={ids} value={a} onChange={setA} testId="compare-a" />
        <ScenarioPicker label={t('compare.b')} ids={ids} value={b} onChange={setB} testId="compare-b" />
        <label>
          <span>{t('scenario.runs')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={runs}
            onChange={(e) => setRuns(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label>
          <span>{t('scenario.seed')}</span>
          <input
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
        <button
          type="button"
          onClick={() => void run()}
          disabled={running || a === b}
          data-testid="compare-run"
        >
          {t('compare.run')}
        </button>
      </div>
      <div className="cols2">
        <RunProgress progress={left.progress} label={a} />
        <RunProgress progress={right.progress} label={b} />
      </div>
      {(left.error ?? right.error) && <p className="error">{left.error ?? right.error}</p>}
      {names.length > 0 && (
        <div className="controls">
          <IndicatorPicker names={names} value={shown} onChange={setIndicator} />
        </div>
      )}
      {shown && bandsA && bandsB && (
        <div className="cols2" data-testid="compare-charts">
          <div className="panel">
            <h2>{left.result?.scenario}</h2>
            <FanChart name={shown} bands={bandsA} range={range} height={300} />
          </div>
          <div className="panel">
            <h2>{right.result?.scenario}</h2>
            <FanChart name={shown} bands={bandsB} range={range} height={300} />
          </div>
        </div>
      )}
      {shown && bandsA && bandsB && (
        <PairedDifference
          a={{ id: a }}
          b={{ id: b }}
          runs={runs}
          seed={seed}
          indicator={shown}
          title={t('compare.difference', { a: left.result?.scenario, b: right.result?.scenario })}
          disabled={running}
        />
      )}
      <p className="note">{t('compare.note')}</p>
    </section>
  );
}
