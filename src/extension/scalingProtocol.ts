import * as z from 'zod';
import { CALCULATOR_MODES, type CalculatorInputs } from '../core/scaling/calculator';
import { LAW_IDS, type LawId } from '../core/scaling/laws';

/**
 * Messages between the calculator panel and its webview. The webview is untrusted input like
 * any other: everything it sends is parsed with these schemas before use. The webview imports
 * only the types, so zod stays out of its bundle.
 */

/** Longer than anything a person types into a number field; bounds what we store and echo. */
const text = z.string().max(200);

export const inputsSchema = z
  .object({
    mode: z.enum(CALCULATOR_MODES as [CalculatorInputs['mode'], ...CalculatorInputs['mode'][]]),
    law: z.enum(LAW_IDS as [LawId, ...LawId[]]),
    compute: text,
    parameters: text,
    tokens: text,
    qualityParameters: text,
    inferenceTokens: text,
    accelerator: text,
    acceleratorCount: text,
    mfu: text,
    price: text,
  })
  .strict();

const renderedSchema = z
  .object({
    type: z.literal('rendered'),
    inputs: inputsSchema,
    rows: z.array(z.object({ label: text, value: z.string().max(500) }).strict()).max(50),
    errors: z.record(z.string().max(40), z.string().max(500)),
    problem: z.string().max(500).optional(),
    chartDatasets: z.number().int().nonnegative(),
  })
  .strict();

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  renderedSchema,
  z.object({ type: z.literal('copy'), inputs: inputsSchema }).strict(),
  z.object({ type: z.literal('insert'), inputs: inputsSchema }).strict(),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** What the webview last showed: its inputs, result rows, field errors and chart size. */
export type RenderedCalculation = Omit<z.infer<typeof renderedSchema>, 'type'>;

export type PanelMessage =
  /** Initial inputs from settings; ignored by a webview restoring its own saved state. */
  | { readonly type: 'defaults'; readonly inputs: CalculatorInputs }
  /** Replace the inputs as if typed (used by tests and future commands). */
  | { readonly type: 'setInputs'; readonly inputs: CalculatorInputs };
