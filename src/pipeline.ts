// The coder: one Document through named stages, in order. Read this list to know what happens to a text.
import { emptyDocument, type Article, type Document } from './document.js';
import { DEFAULT_LIMITS } from './io/limits.js';
import { detectLanguage } from './language.js';
import { loadResources, type Resources } from './lexicon/index.js';
import { createActorResolver } from './stages/actors.js';
import { createAttributor } from './stages/attribution.js';
import { createDater } from './stages/dates.js';
import { dedupEvents } from './stages/dedup.js';
import { createEventCoder } from './stages/events.js';
import { createMentionFinder } from './stages/mentions.js';
import { normalise } from './stages/normalise.js';
import { segment } from './stages/segment.js';
import { createTenureSettler } from './stages/tenure.js';

export interface Stage {
  readonly name: string;
  readonly process: (doc: Document) => Document;
}

export interface Pipeline {
  readonly stageNames: string[];
  run(article: Article): Document;
}

/** Wall-clock time one document may take; checked after each stage, so a pathological text ends in a clear error. */
export const DEFAULT_BUDGET_MS = DEFAULT_LIMITS.docBudgetMs;

export interface PipelineOptions {
  budgetMs?: number;
}

export class BudgetExceededError extends Error {}

export function createPipeline(resources: Resources = loadResources(), options: PipelineOptions = {}): Pipeline {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const stages: Stage[] = [
    { name: 'normalise', process: normalise },
    { name: 'segment', process: segment },
    { name: 'mentions', process: createMentionFinder(resources.actors, resources.people) },
    { name: 'actors', process: createActorResolver(resources.actors) },
    { name: 'events', process: createEventCoder(resources.events, resources.cameo) },
    { name: 'dates', process: createDater(resources.dates) },
    { name: 'tenure', process: createTenureSettler(resources.people) },
    { name: 'attribution', process: createAttributor(resources.attribution) },
    { name: 'dedup', process: dedupEvents },
  ];
  return {
    stageNames: stages.map((s) => s.name),
    run(article) {
      const lang = article.meta.lang ?? detectLanguage(article.text);
      let doc = emptyDocument(article.text, article.meta, lang);
      const started = performance.now();
      for (const stage of stages) {
        doc = stage.process(doc);
        // Checked after every stage (the last one too): a stage cannot be cut short, but the document fails.
        const spent = performance.now() - started;
        if (spent > budgetMs) throw new BudgetExceededError(`over the time budget of ${budgetMs} ms per document (${Math.round(spent)} ms spent by the end of stage ${stage.name})`);
      }
      return doc;
    },
  };
}
