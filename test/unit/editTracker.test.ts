import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditTracker } from '../../server/src/editTracker';

const at = (character: number) => ({ line: 0, character });

describe('what the edits since an analysis left alone, as the server counts it', () => {
  it('is nothing before the first analysis, then narrows with each change, one at a time at the offsets the one before left', () => {
    const edits = new EditTracker();
    const document = TextDocument.create('file:///a.speech', 'speech', 1, '一二三四五六七八九十');
    assert.equal(edits.analysing(document), undefined);
    const analysed = document.getText();
    // 一二新三四五六七八九十, then 三四 (now at 3 to 5) deleted: 一二新五六七八九十.
    edits.update(document, [{ range: { start: at(2), end: at(2) }, text: '新' }, { range: { start: at(3), end: at(5) }, text: '' }], 2);
    assert.equal(document.getText(), '一二新五六七八九十');
    assert.deepEqual(edits.analysing(document), { since: analysed, start: 2, end: 6 });
    // Counted from the text just analysed, over two notifications.
    edits.update(document, [{ range: { start: at(8), end: at(9) }, text: '拾' }], 3);
    edits.update(document, [{ range: { start: at(0), end: at(0) }, text: '（' }], 4);
    assert.deepEqual(edits.analysing(document), { since: '一二新五六七八九十', start: 0, end: 0 });
    edits.update(document, [{ range: { start: at(4), end: at(4) }, text: '又' }], 5);
    assert.deepEqual(edits.analysing(document), { since: '（一二新五六七八九拾', start: 4, end: 6 });
  });

  it('is nothing left alone after a change of the whole text, and nothing known once the document is forgotten', () => {
    const edits = new EditTracker();
    const document = TextDocument.create('file:///b.speech', 'speech', 1, '一、提高站位');
    edits.analysing(document);
    edits.update(document, [{ text: '二、压实责任' }], 2);
    assert.deepEqual(edits.analysing(document), { since: '一、提高站位', start: 0, end: 0 });
    edits.forget(document.uri);
    assert.equal(edits.analysing(document), undefined);
  });
});
