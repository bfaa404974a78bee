// The `rasad` command line: each command lives in its own file and registers itself here.
import { Command } from 'commander';
import { register as registerCode } from './code.js';
import { register as registerDemo } from './demo.js';
import { register as registerDyad } from './dyad.js';
import { register as registerEval } from './eval.js';
import { register as registerEvents } from './events.js';
import { register as registerFraming } from './framing.js';
import { register as registerIngest } from './ingest.js';
import { register as registerSchema } from './schema.js';
import { register as registerServe } from './serve.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('rasad')
    .description('Rasad (رصد): Arabic and English news -> dated, evidenced CAMEO events between states, leaders and organisations')
    .version('0.1.0');
  registerCode(program);
  registerIngest(program);
  registerEvents(program);
  registerDyad(program);
  registerFraming(program);
  registerDemo(program);
  registerEval(program);
  registerSchema(program);
  registerServe(program);
  await program.parseAsync(argv);
}
