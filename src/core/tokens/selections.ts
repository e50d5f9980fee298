/** A half-open range [start, end) of UTF-16 offsets into a document. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Sorts ranges and joins those that overlap or touch, dropping empty ones, so text covered by
 * several selections is counted once.
 */
export function mergeRanges(ranges: readonly OffsetRange[]): OffsetRange[] {
  const sorted = ranges.filter((range) => range.end > range.start);
  sorted.sort((a, b) => a.start - b.start);

  const merged: OffsetRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      merged.push(range);
    }
  }
  return merged;
}
