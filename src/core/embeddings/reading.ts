/**
 * A plain-language reading of a cosine similarity. Known limitation: the bands are a rule of
 * thumb; each model spreads its scores differently (unrelated texts often score 0.1-0.3), so
 * only scores from the same model should be compared with each other.
 */
export function describeCosine(cosine: number): string {
  if (cosine >= 0.95) {
    return 'Nearly identical in meaning (or the same text).';
  }
  if (cosine >= 0.8) {
    return 'Very similar: they say much the same thing.';
  }
  if (cosine >= 0.6) {
    return 'Related: the same topic, said differently or with different details.';
  }
  if (cosine >= 0.4) {
    return 'Loosely related: some shared subject matter.';
  }
  if (cosine >= 0.2) {
    return 'Mostly unrelated.';
  }
  if (cosine >= 0) {
    return 'Unrelated.';
  }
  return 'Pointing apart: unrelated or opposed (negative scores are rare for text embeddings).';
}
