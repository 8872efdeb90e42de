import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UnchangedEnds } from '../../core/src';

/**
 * Per open document, how much of its start and end the edits since its last analysis left alone,
 * counted as the editor's changes are applied: the analysis then takes over the lines outside the
 * change without comparing the two texts, two passes over a long draft on each keystroke.
 */
export class EditTracker {
  private readonly sinceAnalysis = new Map<string, UnchangedEnds>();

  /** The document changed as TextDocuments would change it, one change at a time (each is at offsets after the one before). */
  readonly update = (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const unchanged = this.sinceAnalysis.get(document.uri);
    for (const change of changes) {
      if (unchanged) {
        const length = document.getText().length;
        const range = 'range' in change ? change.range : undefined;
        unchanged.start = Math.min(unchanged.start, range ? document.offsetAt(range.start) : 0);
        unchanged.end = Math.min(unchanged.end, range ? length - document.offsetAt(range.end) : 0);
      }
      TextDocument.update(document, [change], version);
    }
    return document;
  };

  /** What the edits since the last analysis left alone (undefined before the first), counted from now on since the current text. */
  analysing(document: TextDocument): UnchangedEnds | undefined {
    const unchanged = this.sinceAnalysis.get(document.uri);
    const text = document.getText();
    this.sinceAnalysis.set(document.uri, { since: text, start: text.length, end: text.length });
    return unchanged;
  }

  forget(uri: string): void {
    this.sinceAnalysis.delete(uri);
  }
}
