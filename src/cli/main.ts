// The `rasad` command line: each command lives in its own file and registers itself here.
import { Command } from 'commander';
import { register as registerCode } from './code.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('rasad')
    .description('Rasad (رصد): Arabic and English news -> dated, evidenced CAMEO events between states, leaders and organisations')
    .version('0.1.0');
  registerCode(program);
  await program.parseAsync(argv);
}
