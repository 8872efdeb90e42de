// Mining a user's folders is bounded: sizes, zip bombs and a cache that was tampered with.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { Segmenter } from '../../host/src';
import { mineFolders } from '../../host/src';
import { scratchFolder } from '../support/scratch';

/** Splits at every character: the limits do not depend on how text is segmented. */
const characters: Segmenter = { name: 'characters', cut: text => [...text] };

const SPEECH = '在会议上的讲话\n同志们：\n要坚持安全第一、预防为主、综合治理。\n';

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = scratchFolder('limits-');
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), data);
  return folder;
}

/** A .docx of a few kilobytes whose text part unpacks to `megabytes` MB. */
async function zipBomb(megabytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', `<w:document>${' '.repeat(megabytes * 2 ** 20)}</w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('mining limits', () => {
  it('skips a file over the size limit, with the reason, and mines the rest', async () => {
    const folder = folderWith({ 'a.txt': SPEECH, 'huge.txt': SPEECH.repeat(2000) });
    const { index, report } = await mineFolders([folder], { segmenter: characters, limits: { maxFileBytes: 50_000, maxTotalBytes: 10 ** 9 } });
    assert.deepEqual(index.speeches.map(s => s.file), ['a.txt']);
    assert.equal(report.skipped.length, 1);
    assert.equal(report.skipped[0].file, 'huge.txt');
    assert.match(report.skipped[0].reason, /larger than 49 KB/);
  });

  it('stops adding files once their total reaches the limit', async () => {
    const folder = folderWith({ 'a.txt': SPEECH, 'b.txt': SPEECH, 'c.txt': SPEECH });
    const size = Buffer.byteLength(SPEECH);
    const { index, report } = await mineFolders([folder], { segmenter: characters, limits: { maxFileBytes: 10 ** 6, maxTotalBytes: 2 * size } });
    assert.deepEqual(index.speeches.map(s => s.file), ['a.txt', 'b.txt']);
    assert.deepEqual(report.skipped.map(s => s.file), ['c.txt']);
    assert.match(report.skipped[0].reason, /that all files may add up to/);
  });

  it('skips a small .docx that unpacks to more than the limit, without unpacking it all', async () => {
    const bomb = await zipBomb(64);
    assert.ok(bomb.length < 2 ** 20, 'the bomb itself is small');
    const folder = folderWith({ 'a.txt': SPEECH, 'bomb.docx': bomb });
    const { index, report } = await mineFolders([folder], { segmenter: characters, limits: { maxFileBytes: 2 ** 20, maxTotalBytes: 10 ** 9 } });
    assert.deepEqual(index.speeches.map(s => s.file), ['a.txt']);
    assert.deepEqual(report.skipped.map(s => s.file), ['bomb.docx']);
    assert.match(report.skipped[0].reason, /unpacks to more than 1 MB/);
  });

  it('replaces cache entries of the wrong shape instead of failing for good', async () => {
    const folder = folderWith({ 'a.txt': SPEECH, 'b.txt': SPEECH.replace('安全', '质量') });
    const cacheDir = path.join(folder, '.cache');
    const first = await mineFolders([folder], { segmenter: characters, cacheDir });
    const entries = fs.readdirSync(cacheDir);
    assert.equal(entries.length, 4, 'two files, their keys by size and time, and the whole index');
    for (const entry of entries) fs.writeFileSync(path.join(cacheDir, entry), JSON.stringify({ index: {}, report: null, tokens: 1 }));
    const again = await mineFolders([folder], { segmenter: characters, cacheDir });
    assert.deepEqual(again.index, first.index);
    assert.equal(again.report.segmented, 2);
    const third = await mineFolders([folder], { segmenter: characters, cacheDir });
    assert.deepEqual([third.report.fromCache, third.index], [2, first.index]);
  });
});
