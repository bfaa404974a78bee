// How a failed run is told: one line `rasad: <message>` a user can act on, never a stack unless RASAD_DEBUG=1.
// Exit 1 for a user error (bad file, bad option value, unknown actor, unreachable database), 2 when the command
// line itself does not parse (unknown command or option, missing argument), as getopt-style tools do.
import { inspect } from 'node:util';
import { CommanderError } from 'commander';

/** Errors that mean a mistake in Rasad, not in what the user gave it. */
const BUG_TYPES = [TypeError, ReferenceError, RangeError, SyntaxError];

export function exitCodeOf(err: unknown): number {
  if (!(err instanceof CommanderError)) return 1;
  if (err.exitCode === 0) return 0; // --help, --version
  return err.code === 'commander.invalidArgument' ? 1 : 2;
}

/** What to print to stderr for `err`, or nothing when commander has already shown help. */
export function failureMessage(err: unknown, debug: boolean): string {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0 || err.code === 'commander.help') return '';
    // Commander words its parse errors "error: ...", with a suggestion on a line of its own.
    return `rasad: ${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`;
  }
  if (debug) return `rasad: ${inspect(err)}\n`;
  if (!(err instanceof Error)) return `rasad: ${String(err)}\n`;
  if (BUG_TYPES.some((type) => err instanceof type)) {
    return `rasad: internal error: ${err.message} (RASAD_DEBUG=1 shows where)\n`;
  }
  return `rasad: ${err.message}\n`;
}
