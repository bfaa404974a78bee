// The corpus-level rows saved with a new article: each report's merge bookkeeping (block, canonical key,
// cues, tone) and the article's framing of its actors (src/corpus/annotate.ts).
import type { Kysely } from 'kysely';
import { annotate } from '../corpus/annotate.js';
import { blockOf, reportKey } from '../corpus/merge.js';
import type { Document } from '../document.js';
import type { Database, NewEvent } from './tables.js';

const INSERT_CHUNK = 200;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Identity = Pick<NewEvent, 'sentence' | 'trigger_start' | 'evidence_start' | 'code' | 'source_id' | 'target_id'>;

function identity(e: Identity): string {
  return [e.sentence, e.trigger_start, e.evidence_start, e.code, e.source_id ?? '-', e.target_id ?? '-'].join('|');
}

/**
 * Insert a document's event rows and their corpus rows; returns the new event ids. Ids are matched back to
 * the document's events by content, since RETURNING gives no row order guarantee.
 */
export async function insertEventsWithCorpusRows(db: Kysely<Database>, doc: Document, articleId: number, hash: string, events: NewEvent[]): Promise<number[]> {
  const returned: Array<Identity & { id: number }> = [];
  for (const rows of chunks(events, INSERT_CHUNK)) {
    returned.push(
      ...(await db.insertInto('events').values(rows).returning(['id', 'sentence', 'trigger_start', 'evidence_start', 'code', 'source_id', 'target_id']).execute()),
    );
  }
  const byIdentity = new Map<string, number[]>();
  for (const r of returned) byIdentity.set(identity(r), [...(byIdentity.get(identity(r)) ?? []), r.id]);
  for (const ids of byIdentity.values()) ids.sort((a, b) => a - b);
  const notes = annotate(doc);
  const reportRows = events.map((row, i) => {
    const id = byIdentity.get(identity(row))?.shift();
    if (id === undefined) throw new Error(`stored event ${i} of ${doc.meta.origin} came back without its id`);
    const note = notes.reports[i];
    return {
      event_id: id,
      block: blockOf({ source: row.source_id ?? null, target: row.target_id ?? null, code: row.code }),
      key: reportKey(hash, row.sentence, row.trigger_start, row.code, row.source_id ?? null, row.target_id ?? null),
      cues: (note?.cues ?? []).join(' '),
      tone: note?.tone ?? null,
      merged_id: null,
    };
  });
  for (const rows of chunks(reportRows, INSERT_CHUNK)) await db.insertInto('merge_reports').values(rows).execute();
  const framing = notes.framing.map((f) => ({
    article_id: articleId,
    actor_id: f.actor,
    mentions: f.mentions,
    score: f.score,
    label: f.label,
    evidence: JSON.stringify(f.evidence),
  }));
  for (const rows of chunks(framing, INSERT_CHUNK)) await db.insertInto('framing').values(rows).execute();
  return reportRows.map((r) => r.event_id);
}
