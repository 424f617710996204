/**
 * Guards the fixture corpus itself: every `test/fixtures/*.expected.json` must
 * follow the fixture contract (shape, canonical keys, claim subjects, era of
 * the template) and sit beside the saved page it describes. A malformed
 * expectation would otherwise make the extraction tests assert nonsense.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures');

// ---------------------------------------------------------------- canonical keys (domain.md)

const cross = (prefix: string, rows: string[], cols: string[]): string[] =>
  rows.flatMap((r) => cols.map((c) => `${prefix}.${r}.${c}`));

const T3_COMMON_ROWS = [
  'new',
  'carryIn',
  'open',
  'partial',
  ...[
    'secret',
    'lawForbidden',
    'threeSafety',
    'thirdParty',
    'internal',
    'process',
    'enforcement',
    'query',
  ].map((r) => `deny.${r}`),
  ...['notHeld', 'needCreate', 'unclear'].map((r) => `unable.${r}`),
  ...['petition', 'repeat', 'publication', 'massive', 'confirm'].map((r) => `noProcess.${r}`),
  'totalHandled',
  'carryOut',
];
const T3_COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const T3_OTHER_2019 = cross('t3', ['other'], T3_COLS);
const T3_OTHER_2021 = cross('t3', ['other.noCorrection', 'other.noFee', 'other.misc'], T3_COLS);
const T4_KEYS = cross(
  't4',
  ['review', 'direct', 'afterReview'],
  ['upheld', 'corrected', 'other', 'pending', 'total'],
);
const T2_KEYS = [
  ...cross('t2', ['rules', 'normative'], ['made', 'repealed', 'valid', 'published', 'total']),
  ...cross(
    't2',
    ['license', 'otherServices', 'penalty', 'coercion'],
    ['prevCount', 'delta', 'decisions'],
  ),
  't2.fees.amount',
  't2.fees.prevCount',
  't2.fees.delta',
  't2.procurement.count',
  't2.procurement.amount',
];
const LEGACY_KEYS = [
  'legacy.active.total',
  'legacy.apply.received',
  ...['inPerson', 'fax', 'online', 'letter', 'other'].map((c) => `legacy.apply.received.${c}`),
  'legacy.apply.closed',
  'legacy.apply.closed.onTime',
  'legacy.apply.closed.extended',
  'legacy.apply.answered',
  ...cross('legacy', ['review', 'litigation'], ['total', 'upheld', 'corrected', 'other']),
  ...['total', 'fullTime', 'partTime'].map((c) => `legacy.staff.${c}`),
];
const CANONICAL_KEYS = new Set([
  ...cross('t3', T3_COMMON_ROWS, T3_COLS),
  ...T3_OTHER_2019,
  ...T3_OTHER_2021,
  ...T4_KEYS,
  ...T2_KEYS,
  ...LEGACY_KEYS,
]);

const OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];
const CLAIM_SUBJECTS = new Set([
  'received',
  'carryIn',
  'answered',
  'carryOut',
  'open',
  'partial',
  'deny',
  'unable',
  'noProcess',
  'other',
  'review',
  'litigation',
  ...OUTCOMES.flatMap((o) => [`review.${o}`, `litigation.${o}`]),
  ...['inPerson', 'fax', 'online', 'letter', 'other'].map((c) => `channel.${c}`),
  'active',
]);
/** A subject, or several the text counts together (`open+partial`). */
const isCountedSubject = (s: string): boolean => s.split('+').every((p) => CLAIM_SUBJECTS.has(p));
const isClaimSubject = (s: string): boolean =>
  isCountedSubject(s) || (s.startsWith('percent.') && isCountedSubject(s.slice(8)));

// ---------------------------------------------------------------- the contract as a schema

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

const ClaimSchema = z.strictObject({
  subject: z.string().refine(isClaimSubject, 'unknown claim subject'),
  value: z.number(),
  approximate: z.boolean(),
});

/** A finding the checks must produce: cells by canonical key, or `row|col` labels for a cell without one. */
const FindingSchema = z.strictObject({
  rule: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  cells: z.array(z.string()),
  expected: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
});

const ReportSchema = z
  .strictObject({
    agency: z.string().min(1),
    year: z.number().int().min(1990).max(2100),
    template: z.enum(['2021', '2019', 'legacy']),
    publishedAt: isoDate.nullable(),
    bodyKind: z.enum(['government', 'department', 'township', 'unknown']),
    tableKinds: z.array(z.enum(['t2', 't3', 't4', 'legacy', 'other'])),
    imageTables: z.number().int().min(0),
    values: z.record(z.string(), z.number().nullable()),
    unreadable: z.array(z.string()),
    claims: z.array(ClaimSchema),
    /** Every error and warning the checks must report (none when absent), and info findings that must be among them. */
    findings: z.array(FindingSchema).optional(),
  })
  .superRefine((r, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    const era = r.year >= 2021 ? '2021' : r.year >= 2019 ? '2019' : 'legacy';
    if (r.template !== era) issue(`template ${r.template} does not match the era of ${r.year}`);
    const keys = [...Object.keys(r.values), ...r.unreadable];
    for (const key of keys) {
      if (!CANONICAL_KEYS.has(key)) issue(`${key} is not a canonical key`);
    }
    for (const key of r.unreadable) {
      if (key in r.values) issue(`${key} is unreadable and must not be in values`);
    }
    if (new Set(r.unreadable).size !== r.unreadable.length) issue('unreadable lists a key twice');
    const legacyKeys = keys.filter((k) => k.startsWith('legacy.'));
    if (legacyKeys.length > 0 && r.template !== 'legacy') issue('legacy keys in a format report');
    if (legacyKeys.length < keys.length && r.template === 'legacy') {
      issue('format-table keys in a legacy report');
    }
    // A table 三 is printed in one format: 2019's single 其他处理 row or 2021's three.
    const has = (list: string[]) => keys.some((k) => list.includes(k));
    if (has(T3_OTHER_2019) && has(T3_OTHER_2021)) issue('table 三 mixes the 2019 and 2021 rows');
    // Values come from the tables the report lists.
    for (const kind of ['t2', 't3', 't4', 'legacy'] as const) {
      if (keys.some((k) => k.startsWith(`${kind}.`)) && !r.tableKinds.includes(kind)) {
        issue(`values carry ${kind}.* keys but tableKinds has no ${kind}`);
      }
    }
  });

const govUrl = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'not an http(s) URL')
  .refine((u) => URL.canParse(u) && new URL(u).hostname.endsWith('.gov.cn'), 'not under .gov.cn');

const ExpectedSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    url: govUrl,
    kind: z.literal('report'),
    /** Fixtures checked before this one, as earlier files of one command-line run (year-over-year history). */
    history: z.array(z.string()).optional(),
    report: ReportSchema,
  }),
  z.strictObject({ url: govUrl, kind: z.literal('listing') }),
  z.strictObject({ url: govUrl, kind: z.literal('none') }),
]);

// ---------------------------------------------------------------- the pages

/** Decodes a saved page the way a browser would: by the charset it declares, UTF-8 otherwise. */
function readPage(path: string): string {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = head.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase() ?? 'utf-8';
  const charset = /^(gb2312|gbk|gb18030)$/.test(declared) ? 'gbk' : declared;
  return new TextDecoder(charset, { fatal: true }).decode(bytes);
}

function readExpected(file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
  } catch (error) {
    return { unparsable: String(error) };
  }
}

const files = readdirSync(FIXTURE_DIR);
const expectedFiles = files.filter((f) => f.endsWith('.expected.json')).sort();

describe('fixture corpus contract', () => {
  it('holds fixtures, and every saved page has its expected JSON', () => {
    expect(expectedFiles.length).toBeGreaterThan(0);
    const pages = files.filter((f) => f.endsWith('.html'));
    const orphans = pages.filter((p) => !files.includes(p.replace(/\.html$/, '.expected.json')));
    expect(orphans).toEqual([]);
  });

  it('gives every page an address of its own', () => {
    // The browser tests serve each fixture at its address: two at one address would show one page for both.
    const byUrl = new Map<string, string[]>();
    for (const file of expectedFiles) {
      const { url } = readExpected(file) as { url?: string };
      if (url) byUrl.set(url, [...(byUrl.get(url) ?? []), file]);
    }
    expect([...byUrl.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  describe.each(expectedFiles)('%s', (file) => {
    const htmlPath = join(FIXTURE_DIR, file.replace(/\.expected\.json$/, '.html'));
    const parsed = ExpectedSchema.safeParse(readExpected(file));

    it('follows the contract', () => {
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });

    it('sits beside its page, which says what it exercises', () => {
      expect(existsSync(htmlPath)).toBe(true);
      expect(readPage(htmlPath)).toMatch(/^<!doctype html>\r?\n<!-- fixture: [^\n]+ -->\r?\n/i);
    });

    if (parsed.success && parsed.data.kind === 'report') {
      const { agency } = parsed.data.report;
      it(`names an agency the page prints (${agency})`, () => {
        expect(readPage(htmlPath)).toContain(agency);
      });
    }
  });
});
