import * as vscode from 'vscode';
import { mergeRanges } from '../core/tokens/selections';

/** The text an editor's token count is about: its non-empty selections, or the document. */
export interface CountedText {
  readonly scope: 'selection' | 'document';
  /** One entry per merged selection range (overlaps joined), or the whole document. */
  readonly texts: readonly string[];
}

export function countedText(editor: vscode.TextEditor): CountedText {
  const document = editor.document;
  const ranges = mergeRanges(
    editor.selections.map((selection) => ({
      start: document.offsetAt(selection.start),
      end: document.offsetAt(selection.end),
    })),
  );

  if (ranges.length === 0) {
    return { scope: 'document', texts: [document.getText()] };
  }

  const texts = ranges.map((range) => {
    const start = document.positionAt(range.start);
    return document.getText(new vscode.Range(start, document.positionAt(range.end)));
  });
  return { scope: 'selection', texts };
}
