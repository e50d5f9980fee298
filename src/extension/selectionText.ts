import * as vscode from 'vscode';
import { mergeRanges, type OffsetRange } from '../core/tokens/selections';

/** The text an editor's token count is about: its non-empty selections, or the document. */
export interface CountedText {
  readonly scope: 'selection' | 'document';
  /** One entry per merged selection range (overlaps joined), or the whole document. */
  readonly texts: readonly string[];
}

/** The same as offsets, for a counter that reads the document itself. */
export interface CountedRanges {
  readonly scope: 'selection' | 'document';
  /** Merged selection ranges, or undefined for the whole document. */
  readonly ranges: readonly OffsetRange[] | undefined;
  /** UTF-16 units to count. */
  readonly length: number;
  readonly documentLength: number;
}

function selectionRanges(editor: vscode.TextEditor): OffsetRange[] {
  const document = editor.document;
  return mergeRanges(
    editor.selections.map((selection) => ({
      start: document.offsetAt(selection.start),
      end: document.offsetAt(selection.end),
    })),
  );
}

/** What to count, without reading the text: the status bar's counter reads it elsewhere. */
export function countedRanges(editor: vscode.TextEditor): CountedRanges {
  const document = editor.document;
  const documentLength = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  const ranges = selectionRanges(editor);
  if (ranges.length === 0) {
    return { scope: 'document', ranges: undefined, length: documentLength, documentLength };
  }
  const length = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  return { scope: 'selection', ranges, length, documentLength };
}

export function countedText(editor: vscode.TextEditor): CountedText {
  const document = editor.document;
  const ranges = selectionRanges(editor);

  if (ranges.length === 0) {
    return { scope: 'document', texts: [document.getText()] };
  }

  const texts = ranges.map((range) => {
    const start = document.positionAt(range.start);
    return document.getText(new vscode.Range(start, document.positionAt(range.end)));
  });
  return { scope: 'selection', texts };
}
