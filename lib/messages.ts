/**
 * Every message between the extension's contexts, declared once and parsed
 * with zod on receipt: what a context did not send in this shape is dropped.
 *
 * Requests are declared with zod/mini because the content script, which runs
 * on every .gov.cn page, parses them: the full zod would triple its size.
 * Answers carry the whole report and are parsed by the extension's pages.
 */
import * as zm from 'zod/mini';

export const GetPageStateSchema = zm.object({ type: zm.literal('getPageState') });
export type GetPageState = zm.infer<typeof GetPageStateSchema>;

/** Parses a request sent to the content script; null for anything else. */
export function parseContentRequest(message: unknown): GetPageState | null {
  const parsed = GetPageStateSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
