// Shared option parsers: bad values fail with a message that says what is expected.
import { InvalidArgumentError } from 'commander';

export function parsePublishedOption(value: string): string {
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)) {
    throw new InvalidArgumentError('expected YYYY-MM-DD, YYYY-MM or YYYY');
  }
  return value;
}

export function parseLangOption(value: string): 'ar' | 'en' {
  if (value !== 'ar' && value !== 'en') throw new InvalidArgumentError('expected ar or en');
  return value;
}
