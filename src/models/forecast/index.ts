/** Forecast scores and benchmarks (docs/models/forecast.md). */
export { type Ar1Fit, ar1Forecast, fitAr1, type NormalForecast, randomWalkForecast } from './benchmarks.js';
export { brierScore, crpsEnsemble, crpsNormal, inCentralBand, rankCorrelation, skill } from './scores.js';
