export { defaultWorkerCount, moduleUrl, runChunked, WorkerPool, type WorkerTask } from './pool.js';
export { ensembleCsvChunks, ensembleJsonChunks, ensembleSummary } from './export.js';
