// XML text for the graph exports: escaped for attributes and text alike, with characters XML 1.0 forbids
// (control characters, lone surrogates) dropped, so a stray byte in an actor name cannot break the file.
const FORBIDDEN = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(value: string | number | boolean): string {
  return String(value)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** `name="value" ...` for the attributes that have a value (null and undefined are left out). */
export function xmlAttributes(attrs: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(attrs)
    .flatMap(([k, v]) => (v === null || v === undefined ? [] : [`${k}="${xmlEscape(v)}"`]))
    .join(' ');
}
