// Bytes -> text, refusing what is not UTF-8 text: binary files, invalid UTF-8, nothing but whitespace.
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

export const BINARY_PROBE_BYTES = 8192;
export const BINARY_MESSAGE = 'binary file (contains NUL bytes), expected UTF-8 text';

/** A NUL byte near the start: not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) return { ok: false, message: BINARY_MESSAGE };
  let text: string;
  try {
    // fatal: a wrong encoding (Windows-1256, Latin-1) fails loudly instead of turning into replacement characters.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: 'invalid UTF-8 (save the file as UTF-8; Windows-1256 and Latin-1 are not read)' };
  }
  if (text.trim() === '') return { ok: false, message: 'empty file' };
  return { ok: true, text };
}
