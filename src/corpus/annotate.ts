// Corpus-level annotations of a coded document, made at ingest: each report's supporting cues and tone,
// and the article's framing of each actor. The store saves them beside the reports.
import type { Document } from '../document.js';
import { loadCueLexicon, reportCues } from './cues.js';
import { frameDocument, loadFramingLexicon, toneToward, type ActorFraming } from './framing.js';

export interface ReportAnnotation {
  cues: string[];
  tone: number | null;
}

export interface CorpusAnnotations {
  /** One per `doc.events`, in order. */
  reports: ReportAnnotation[];
  framing: ActorFraming[];
}

export function annotate(doc: Document): CorpusAnnotations {
  const cues = loadCueLexicon();
  const framing = frameDocument(doc, loadFramingLexicon());
  const reports = doc.events.map((e) => ({
    cues: reportCues(doc, e.evidence, [e.source?.id ?? null, e.target?.id ?? null], cues),
    tone: toneToward(framing, [e.source?.id ?? null, e.target?.id ?? null]),
  }));
  return { reports, framing };
}
