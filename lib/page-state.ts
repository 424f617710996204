/** The content script's answer about its page, parsed by the popup on receipt. */
import * as z from 'zod/mini';
import { FindingSchema, ReportSchema } from './model';
import { PreviousSummarySchema } from './protocol';

export const PageStateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'),
    report: ReportSchema,
    /** The background's findings; empty until it has answered. */
    findings: z._default(z.array(FindingSchema), []),
    /** The same agency's previous report, when the history has it. */
    previous: z._default(z.nullable(PreviousSummarySchema), null),
  }),
  z.object({ kind: z.literal('listing') }),
  z.object({ kind: z.literal('none') }),
  /** Analysis has not finished yet (the page is still loading). */
  z.object({ kind: z.literal('pending') }),
  /** Analysis failed on this page; the message says why, for a bug report. */
  z.object({ kind: z.literal('error'), message: z.string().check(z.maxLength(2000)) }),
]);
export type PageState = z.infer<typeof PageStateSchema>;

/** Parses the content script's answer; a malformed answer becomes an error state. */
export function parsePageState(message: unknown): PageState {
  const parsed = PageStateSchema.safeParse(message);
  return parsed.success
    ? parsed.data
    : { kind: 'error', message: 'The page answered in an unexpected shape.' };
}
