/** `npm run proxy -- ...`: see cli.ts for the flags and proxy.ts for what it does. */
import { runProxyCli } from './cli';

await runProxyCli(process.argv.slice(2));
