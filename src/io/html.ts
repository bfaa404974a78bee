// HTML pages: the article body through Readability (navigation, scripts and ads dropped), paragraphs kept
// as blank-line separated blocks so the segmenter sees them; title, outlet, date and language from the head.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from './article.js';

/** The few DOM members the text walker needs (the project compiles without the DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomDocument {
  title?: string;
  documentElement?: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ remove(): void }>;
  body?: DomNode | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'HEAD']);
const PARAGRAPH_BREAK = '\u0000';
/** Readability's work grows faster than the page: past this many elements the plain page text is used. */
const READABILITY_MAX_ELEMENTS = 10_000;

/** Text of a DOM subtree: whitespace collapsed inside blocks, a blank line between blocks. */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push(PARAGRAPH_BREAK);
    // Read childNodes once: linkedom builds the list anew on every access (quadratic in a long page).
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child);
    }
    if (block) parts.push(PARAGRAPH_BREAK);
  };
  walk(root);
  return parts
    .join('')
    .split(PARAGRAPH_BREAK)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
}

function meta(doc: DomDocument, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/**
 * A fragment (`<p>...</p>`, no <html>/<body>) as a whole document: linkedom leaves a fragment's content outside
 * the body, or fails on it outright.
 */
export function asDocument(html: string): string {
  if (/<body[\s>]/i.test(html)) return /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  const headEnd = /<\/head\s*>/i.exec(html);
  const head = headEnd ? html.slice(0, headEnd.index + headEnd[0].length) : '';
  const body = (headEnd ? html.slice(headEnd.index + headEnd[0].length) : html).replace(/<\/?html[^>]*>|<!doctype[^>]*>/gi, '');
  return `<html>${head.replace(/<html[^>]*>|<!doctype[^>]*>/gi, '')}<body>${body}</body></html>`;
}

export function parseHtmlArticle(html: string, id: string, origin: string): RawArticle {
  const { document } = parseHTML(asDocument(html)) as unknown as { document: DomDocument };
  // Head fields first: Readability rewrites the document it reads.
  const title = document.querySelector('title')?.textContent?.trim() || meta(document, 'meta[property="og:title"]');
  const outlet = meta(document, 'meta[property="og:site_name"]') ?? meta(document, 'meta[name="og:site_name"]');
  const published =
    meta(document, 'meta[property="article:published_time"]') ?? meta(document, 'meta[name="article:published_time"]') ?? meta(document, 'meta[itemprop="datePublished"]');
  const url = meta(document, 'meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const lang = document.documentElement?.getAttribute('lang')?.trim() || null;

  for (const node of Array.from(document.querySelectorAll('script, style, noscript, template'))) node.remove();
  const fallback = document.body ? blockText(document.body) : '';
  let body = '';
  try {
    const reader = new Readability<DomNode>(document as never, { serializer: (node: unknown) => node as DomNode, charThreshold: 200, maxElemsToParse: READABILITY_MAX_ELEMENTS });
    const parsed = reader.parse();
    body = parsed?.content ? blockText(parsed.content) : '';
  } catch {
    // Readability refuses pages over its element limit and fails on some malformed ones: the page text stands in.
  }
  return { id, origin, text: body.trim() !== '' ? body : fallback, title, outlet, published, url, lang };
}
