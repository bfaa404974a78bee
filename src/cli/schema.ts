// `rasad schema`: the JSON Schema of one event record, generated from EventRecordSchema (src/output.ts).
// schema/event.schema.json is this command's output, committed; a test keeps the two equal.
import type { Command } from 'commander';
import { z } from 'zod';
import { EventRecordSchema } from '../output.js';

export function eventJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(EventRecordSchema);
  return {
    $schema,
    title: 'Rasad event record',
    description: 'One coded event: who did what to whom, when, with its evidence (rasad code / rasad events --format jsonl).',
    ...rest,
  };
}

export function eventJsonSchemaText(): string {
  return `${JSON.stringify(eventJsonSchema(), null, 2)}\n`;
}

export function register(command: Command): void {
  command
    .action(() => {
      process.stdout.write(eventJsonSchemaText());
    });
}
