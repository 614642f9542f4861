/** `npm run proxy -- ...`: see cli.ts for the flags and proxy.ts for what it does. */
import { USAGE, parseProxyArgs } from './cli';
import { ConfigError, startProxy } from './proxy';

try {
  const options = parseProxyArgs(process.argv.slice(2));
  if (options === 'help') console.log(USAGE);
  else {
    const proxy = await startProxy(options);
    const stop = () => void proxy.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `cm-proxy: ${error.message}` : `cm-proxy: could not start: ${(error as Error).message}`);
  process.exit(2);
}
