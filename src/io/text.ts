// Plain text articles, with optional front matter: `key: value` lines at the very top, ended by a blank
// line, where every key is one we know. Anything else is article text, kept exactly as read.
import type { RawArticle } from './article.js';

type FrontMatterKey = 'title' | 'outlet' | 'published' | 'url' | 'lang';
const FRONT_MATTER_LINE = /^(title|outlet|published|url|lang)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/i;

export interface FrontMatter {
  fields: Partial<Record<FrontMatterKey, string>>;
  /** The text after the front matter (and the blank line ending it). */
  body: string;
}

export function splitFrontMatter(text: string): FrontMatter {
  const fields: Partial<Record<FrontMatterKey, string>> = {};
  let pos = 0;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    if (newline < 0) break; // front matter must end with a blank line
    const line = text.slice(pos, newline);
    if (line.trim() === '') {
      if (pos === 0) break; // a leading blank line: no front matter
      return { fields, body: text.slice(newline + 1) };
    }
    const m = FRONT_MATTER_LINE.exec(line);
    if (!m || m[1] === undefined) break;
    fields[m[1].toLowerCase() as FrontMatterKey] = m[2] ?? '';
    pos = newline + 1;
  }
  return { fields: {}, body: text };
}

export function parseTextArticle(text: string, id: string, origin: string): RawArticle {
  const { fields, body } = splitFrontMatter(text);
  return { id, text: body, origin, ...fields };
}
