// Worker entry when Concert runs from TypeScript sources: Node 20 ignores
// loaders passed in a worker's execArgv, so register tsx here (STACK.md, note 1).
import { register } from 'tsx/esm/api';

register();
export default (await import('./worker.ts')).default;
