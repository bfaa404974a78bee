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

/** Words a short form may have before the part a longer name continues: an honorific or title (Sheikh, Crown Prince). */
const MAX_HEAD = 2;

/** A person's names as token lists, with each short form that ends where a longer one begins carried on into it
 * ("sheikh tamim" + "tamim bin hamad al thani" -> "sheikh tamim bin hamad al thani"), so the longest match at the
 * first word covers the whole name instead of stopping after the honorific form. */
function nameTokens(person: PersonEntry): string[][] {
  const names = [...person.names.ar, ...person.names.en].flatMap(nameKeys).map((key) => tokenise(key).map((t) => t.norm));
  const byFirst = new Map<string, string[][]>();
  for (const n of names) byFirst.set(n[0] ?? '', [...(byFirst.get(n[0] ?? '') ?? []), n]);
  const chained: string[][] = [];
  for (const a of names)
    for (let k = a.length - 1; k >= Math.max(1, a.length - MAX_HEAD); k--) {
      const tail = a.slice(a.length - k);
      const head = a.slice(0, a.length - k);
      for (const b of byFirst.get(tail[0] as string) ?? [])
        // The head is not part of the longer name (Sheikh, not the Mohammed of Mohammed Dhaifallah Mohammed).
        if (b.length > k && tail.every((t, j) => b[j] === t) && !head.some((h) => b.includes(h))) chained.push([...a, ...b.slice(k)]);
    }
  return [...names, ...chained];
}

export function compilePeople(people: readonly PersonEntry[]): PeopleTable {
  const table: PeopleTable = new Map();
  for (const person of people) {
    const seen = new Set<string>();
    for (const tokens of nameTokens(person)) {
      const first = tokens[0];
      const key = tokens.join(' ');
      if (first === undefined || seen.has(key)) continue;
      seen.add(key);
      const list = table.get(first) ?? [];
      list.push({ tokens, person, capitalised: tokens.length === 1 && /^[a-z]/.test(first) });
      table.set(first, list);
    }
  }
  // Longest first; the sort is stable, so among equal lengths the data's order stays.
  for (const list of table.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return table;
}
