import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { decodeText, encodeText } from '../../host/src';

describe('decoding text files', () => {
  const speech = '同志们：下面，我讲三点意见。一、提高站位。';

  it('reads UTF-8 with and without a BOM', () => {
    assert.deepEqual(decodeText(Buffer.from(speech)), { ok: true, text: speech, encoding: 'utf-8', bom: false });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(speech)])), { ok: true, text: speech, encoding: 'utf-8', bom: true });
  });

  it('reads GBK, as older Windows tools save it', () => {
    assert.deepEqual(decodeText(iconv.encode(speech, 'gbk')), { ok: true, text: speech, encoding: 'gb18030', bom: false });
  });

  it('writes a text back in the form it was read: encoding, BOM and all', () => {
    const forms = [
      Buffer.from(speech), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(speech)]),
      iconv.encode(speech, 'gbk'), iconv.encode(speech, 'utf-16le', { addBOM: true }), iconv.encode(speech, 'utf-16be', { addBOM: true }),
      Buffer.from('\ufeff\ufeff' + speech),
    ];
    for (const bytes of forms) {
      const decoded = decodeText(bytes);
      assert.ok(decoded.ok);
      assert.deepEqual(encodeText(decoded.text, decoded), bytes);
    }
  });

  it('refuses binary data with a reason', () => {
    const result = decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0xff]));
    assert.equal(result.ok, false);
  });

  it('refuses random high bytes instead of showing mojibake', () => {
    const noise = Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    assert.equal(decodeText(noise).ok, false);
  });
});
