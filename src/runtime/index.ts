export { defaultWorkerCount, moduleUrl, runChunked, WorkerPool, type WorkerTask } from './pool.js';
