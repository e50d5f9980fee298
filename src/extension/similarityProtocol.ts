import * as z from 'zod';
import { HISTORY_LIMIT } from './similarityPanel';

/** What the similarity view may send and save, checked before the extension uses it. */
const finite = z.number().finite();

// Checks what comes back from a webview's saved state before it is shown again.
export const reportSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  provider: z.string(),
  model: z.string(),
  inputType: z.string(),
  excerpts: z.array(z.string()),
  dimensions: z.number().int(),
  cosine: finite,
  dot: finite,
  euclidean: finite,
  norms: z.array(finite),
  matrix: z.array(z.array(finite)).optional(),
  reading: z.string(),
  billedTokens: z.number().optional(),
  fromCache: z.boolean(),
  warnings: z.array(z.string()),
});

export const savedStateSchema = z.object({ reports: z.array(reportSchema).max(HISTORY_LIMIT) });

export const incomingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('copyMarkdown'), id: z.string().max(100) }),
]);
