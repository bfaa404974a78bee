// The `rasad` command line. Each command lives in its own file, which adds its arguments, options and action to
// the command named and described here. Only the file of the command being run is imported: the others pull in
// lexicons, the server or the queue, and `rasad --help` should not wait for them.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { isBrokenPipe } from '../io/export/sink.js';
import { exitCodeOf, failureMessage } from './failure.js';

interface CommandModule {
  register(command: Command): void;
}

const COMMANDS: { name: string; summary: string; load: () => Promise<CommandModule> }[] = [
  { name: 'code', summary: 'code articles into events and print them (nothing is stored)', load: () => import('./code.js') },
  { name: 'ingest', summary: 'code articles and store them with their events (the same article twice is stored once)', load: () => import('./ingest.js') },
  { name: 'events', summary: 'query stored events: merged events (one per real-world event) by default, single reports with --reports', load: () => import('./events.js') },
  { name: 'dyad', summary: "a dyad's merged events over time: Goldstein sum and mean, QuadClass counts, balance, strongest evidence", load: () => import('./dyad.js') },
  { name: 'actor', summary: "an actor's partners over merged events, ranked by volume and by balance, with their trend", load: () => import('./actor.js') },
  { name: 'graph', summary: 'the relations network in a time window: actors, dyads weighted by merged events and signed by balance, centrality, communities', load: () => import('./graph.js') },
  { name: 'export', summary: 'export events (jsonl, csv, gdelt) or their relations graph (graphml, gexf); merged events by default', load: () => import('./export.js') },
  { name: 'framing', summary: 'how each article (or, with --by outlet, each outlet on average) frames the actors it names', load: () => import('./framing.js') },
  { name: 'demo', summary: 'code the bundled demo articles into a database and print the top dyads', load: () => import('./demo.js') },
  { name: 'eval', summary: 'score the coder against gold: a gold folder (gold.jsonl + texts/) or external sentence records', load: () => import('./eval.js') },
  { name: 'schema', summary: 'print the JSON Schema of an event record', load: () => import('./schema.js') },
  { name: 'serve', summary: 'HTTP API (/api, OpenAPI at /openapi.json, docs at /docs) and the web app (/) over a database', load: () => import('./serve.js') },
  { name: 'enqueue', summary: 'queue articles for coding by `rasad worker` (one job per article; the same article twice is one job)', load: () => import('./enqueue.js') },
  { name: 'worker', summary: 'code article jobs queued by `rasad enqueue` and store them; many workers can share one PostgreSQL', load: () => import('./worker.js') },
];

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The command being run: the first word that is not an option (`rasad help X` asks about X). */
function requested(args: string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Parse and run one command line. Errors, commander's included, reject the promise and print nothing. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('rasad')
    .description('Rasad (رصد): Arabic and English news -> dated, evidenced CAMEO events between states, leaders and organisations')
    .version(VERSION)
    // Set before the commands are added, which inherit them: `run` words and prints every failure itself.
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  const wanted = requested(argv.slice(2));
  for (const { name, summary, load } of COMMANDS) {
    const command = program.command(name).description(summary);
    if (name === wanted) (await load()).register(command);
  }
  await program.parseAsync(argv);
}

function fail(err: unknown): never {
  process.stderr.write(failureMessage(err, process.env.RASAD_DEBUG === '1'));
  process.exit(exitCodeOf(err));
}

/** The process entry point (bin/rasad.js): `main`, with exit codes and one-line messages. */
export async function run(argv: string[]): Promise<void> {
  // `rasad events | head`: once the reader has gone there is nothing left to do.
  process.stdout.on('error', (err) => (isBrokenPipe(err) ? process.exit(0) : fail(err)));
  // A closed stderr leaves nowhere to report to; the work itself (an ingest) carries on.
  process.stderr.on('error', () => undefined);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    await main(argv);
  } catch (err) {
    fail(err);
  }
}
