/**
 * The history's shapes: a stored report (what the background keeps in
 * IndexedDB and the options page exports) and the summary of last year's
 * report a page shows beside its own. They are data, not messages: the
 * background's store, the message table, the page's UI and every export read
 * them, so they live here, below all of those.
 *
 * zod/mini: the content script parses the summary in the background's answer.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { FindingSchema, ReportSchema } from './report';

/** One stored visit of a report (lib/background/history-store.ts keeps them). */
export const HistoryRecordSchema = z.object({
  id: z.string(),
  /**
   * The registrable domain of the page the report was read on (lib/page/portal.ts),
   * from the address the browser gave for its frame; '' for a record migrated
   * from an address that names none.
   */
  portal: z.string(),
  agency: z.string(),
  year: z.int(),
  url: z.string(),
  /** ISO timestamp of the visit that stored it. */
  seenAt: z.string(),
  report: ReportSchema,
  findings: z.array(FindingSchema),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** The same agency's previous report, as much of it as the page needs for deltas. */
export const PreviousSummarySchema = z.object({
  year: z.int(),
  url: z.string(),
  /** Its title as printed, for exports that cite it (absent from summaries of older versions). */
  title: z.optional(z.string().check(z.maxLength(LIMITS.textLength))),
  seenAt: z.string(),
  /** Its agency, as the history keeps it: what a card or memo cites with the title. */
  agency: z.optional(z.string().check(z.maxLength(LIMITS.textLength))),
  values: z.record(z.string(), z.nullable(z.number())),
});
export type PreviousSummary = z.infer<typeof PreviousSummarySchema>;

/** A stored report as the options page lists it: the record's key fields and its counts. */
export const HistoryEntrySchema = z.extend(
  z.pick(HistoryRecordSchema, {
    id: true,
    portal: true,
    agency: true,
    year: true,
    url: true,
    seenAt: true,
  }),
  {
    errors: z.int().check(z.minimum(0)),
    warnings: z.int().check(z.minimum(0)),
  },
);
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
