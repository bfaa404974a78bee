// The people's name table for the mention finder, compiled once per people list (every pipeline built over the
// same lexicons shares it), or handed over already compiled by the start-up cache.
import { compilePeople, type PeopleTable } from '../actors/people-phrases.js';
import type { PersonEntry } from './people.js';

const tables = new WeakMap<readonly PersonEntry[], PeopleTable>();

export function peopleTableOf(people: readonly PersonEntry[]): PeopleTable {
  let table = tables.get(people);
  if (table === undefined) {
    table = compilePeople(people);
    tables.set(people, table);
  }
  return table;
}

/** A table compiled earlier from exactly this list (its entries are the list's own objects). */
export function rememberPeopleTable(people: readonly PersonEntry[], table: PeopleTable): void {
  tables.set(people, table);
}
