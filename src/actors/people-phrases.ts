// Office holders' names (data/actors/people.json) compiled for the mention finder: one table keyed by the
// first folded token of every name, longest name first, so a person costs one lookup per token.
import { tokenise } from '../stages/segment.js';
import { nameKeys, type PersonEntry } from '../lexicon/people.js';

export interface PersonPhrase {
  tokens: string[];
  person: PersonEntry;
  /** A one-word Latin name (a surname) matches only when capitalised in the text: Rice, Brown, May. */
  capitalised: boolean;
}

export type PeopleTable = Map<string, PersonPhrase[]>;

export function compilePeople(people: readonly PersonEntry[]): PeopleTable {
  const table: PeopleTable = new Map();
  for (const person of people) {
    for (const key of [...person.names.ar, ...person.names.en].flatMap(nameKeys)) {
      const tokens = tokenise(key).map((t) => t.norm);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = table.get(first) ?? [];
      if (list.some((p) => p.person.id === person.id && p.tokens.join(' ') === tokens.join(' '))) continue;
      list.push({ tokens, person, capitalised: tokens.length === 1 && /^[a-z]/.test(first) });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      table.set(first, list);
    }
  }
  return table;
}
