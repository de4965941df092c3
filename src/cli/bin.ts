/** Development entry: `node --import tsx src/cli/bin.ts …` runs the CLI from source. */
import { main } from './main.js';

await main(process.argv.slice(2));
