// `rasad serve`: the HTTP API, its docs and the web app over a database.
import { InvalidArgumentError, type Command } from 'commander';
import { buildServer, DEFAULT_BODY_LIMIT } from '../server/app.js';
import { closeServerContext, openServerContext } from '../server/open.js';
import { dbOption } from './db-option.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number, 0-65535');
  return n;
}

function parseBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024) throw new InvalidArgumentError('expected a number of bytes, 1024 or more');
  return n;
}

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  closedReads: boolean;
  bodyLimit: number;
}

export function register(command: Command): void {
  command
    .addOption(dbOption('created when missing'))
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'bearer token for writes (default: RASAD_TOKEN); without one, writes are off')
    .option('--closed-reads', 'reads need the token too', false)
    .option('--body-limit <bytes>', 'largest request body', parseBytes, DEFAULT_BODY_LIMIT)
    .action(async (opts: ServeOptions) => {
      const token = opts.token ?? process.env['RASAD_TOKEN'] ?? null;
      const ctx = await openServerContext(opts.db, { token: token === '' ? null : token, readsOpen: !opts.closedReads });
      const app = await buildServer(ctx, { bodyLimit: opts.bodyLimit, logger: { level: 'warn' } });
      app.addHook('onClose', async () => closeServerContext(ctx));
      const address = await app.listen({ port: opts.port, host: opts.host });
      // One line a script can wait for (the e2e tests and the API bench read it).
      process.stdout.write(`rasad: serving ${opts.db.replace(/:[^:@/]*@/, ':***@')} at ${address} (docs ${address}/docs)\n`);
      const stop = (): void => {
        app.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
