// How deeply a page nests its elements, by a linear scan of the tags before any parsing: the DOM parser and
// Readability slow down sharply (and overflow the stack) on pages nested thousands deep, and real pages stay
// under a hundred or so levels.

/** Deepest nesting accepted. */
export const MAX_HTML_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements the parser closes by itself when the next one opens: unclosed, they do not nest. */
const IMPLIED_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'template']);

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 95;
}

/** Estimated maximum element depth; stops counting once past `stopAt`. */
export function htmlNestingDepth(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    if (name !== '' && !VOID.has(name) && !IMPLIED_CLOSE.has(name)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (html[gt - 1] !== '/') {
        depth++;
        if (depth > max) max = depth;
        if (max > stopAt) return max;
      }
    }
    let next = gt + 1;
    if (!closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = next;
      const found = close.exec(html);
      if (!found) break;
      next = found.index;
    }
    i = html.indexOf('<', next);
  }
  return max;
}
