import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How a file's text was stored, so that a rewrite stores it the same way. */
export interface StoredForm {
  encoding: TextEncoding;
  bom: boolean;
}

export type DecodeResult =
  | ({ ok: true; text: string } & StoredForm)
  | { ok: false; reason: string };

/** Share of GB18030-decoded characters that must be Han or common text for GBK to be believed. */
const PLAUSIBLE_TEXT = /[\p{Script=Han}\p{P}\s\w\u3000-\u303f\uff00-\uffef]/u;

/**
 * Decodes a text file as our users have them: UTF-8 (with or without BOM), UTF-16 with BOM,
 * or GBK/GB18030 from older Windows tools. Binary data is refused with a reason, never shown
 * as mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const utf8 = decodeUtf8(bytes.subarray(3));
    return utf8.ok ? { ...utf8, bom: true } : utf8;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', bom: true };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return utf8;
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  const chars = [...text];
  const plausible = chars.filter(ch => PLAUSIBLE_TEXT.test(ch)).length;
  if (chars.length === 0 || text.includes('\ufffd') || plausible / chars.length < 0.9) {
    return { ok: false, reason: 'neither UTF-8 nor GBK/GB18030 text' };
  }
  return { ok: true, text, encoding: 'gb18030', bom: false };
}

const BOMS: Record<TextEncoding, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], 'gb18030': [] };

/** The bytes of a text in the form it was read in (decodeText's encoding and BOM). */
export function encodeText(text: string, { encoding, bom }: StoredForm): Buffer {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  return bom ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}

function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}
