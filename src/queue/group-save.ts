// Group commit: the documents a worker's jobs have coded are stored together, in one transaction for all that are
// ready when the previous one ends, so each job does not pay for a transaction and a merge pass of its own. A job
// still completes only once its document is committed.
import type { Document } from '../document.js';
import { StoreUnavailableError, type SaveResult, type Store } from '../store/store.js';

interface Pending {
  doc: Document;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupSaver {
  private waiting: Pending[] = [];
  private saving = false;

  /** `onSaved` gets the counts of every transaction that commits (a group's counts are not split per document). */
  constructor(
    private readonly store: Store,
    private readonly maxDocs: number,
    private readonly onSaved: (result: SaveResult) => void,
  ) {}

  /** Settles when `doc` is committed (with the others ready at the time), or with the reason it was not. */
  save(doc: Document): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ doc, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    try {
      while (this.waiting.length > 0) await this.saveGroup(this.waiting.splice(0, this.maxDocs));
    } finally {
      this.saving = false;
    }
  }

  private async saveGroup(group: Pending[]): Promise<void> {
    try {
      this.onSaved(await this.store.saveDocuments(group.map((p) => p.doc)));
      for (const p of group) p.resolve();
      return;
    } catch (err) {
      if (group.length === 1 || err instanceof StoreUnavailableError) {
        for (const p of group) p.reject(err);
        return;
      }
    }
    // One document can spoil a group's transaction: store them one by one, so that only its own job fails.
    for (const p of group) {
      try {
        this.onSaved(await this.store.saveDocuments([p.doc]));
        p.resolve();
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
