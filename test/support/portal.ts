/**
 * The mock portals of test/fixtures/portal (scripts/fixtures/make-portal-fixtures.ts):
 * a saved mirror of two fictional governments' sites, `<host>/<path>` as
 * `wget --mirror` saves them, and portal.json, which says what each file is
 * and what a reader of the portal should find in it. Validated on load, so
 * a malformed manifest fails with its own message rather than as a puzzling
 * assertion; usable by the unit tests and by the fixture server of the
 * browser tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const PORTAL_DIR = join(import.meta.dirname, '..', 'fixtures', 'portal');

const LinkSchema = z.object({ url: z.url(), text: z.string(), date: z.string().nullable() });

const ExpectedReportSchema = z.object({
  agency: z.string(),
  year: z.number().int(),
  template: z.enum(['2019', '2021']),
  publishedAt: z.string().nullable(),
  bodyKind: z.string(),
  tableKinds: z.array(z.string()),
  imageTables: z.number().int(),
  values: z.record(z.string(), z.number().nullable()),
  unreadable: z.array(z.string()),
  claims: z.array(z.object({ subject: z.string(), value: z.number(), approximate: z.boolean() })),
});

const PLANTED = [
  'contradiction',
  'yoy-contradiction',
  'pdf-only',
  'late',
  'image-tables',
  'reposted',
] as const;

const PageSchema = z.object({
  url: z.url(),
  /** Path of the file under PORTAL_DIR. */
  file: z.string(),
  kind: z.enum(['listing', 'report', 'pdf-article', 'pdf', 'image', 'other']),
  portal: z.enum(['A', 'B']),
  hostile: z.literal(true).optional(),
  report: z
    .object({
      agency: z.string(),
      year: z.number().int(),
      publishedAt: z.string(),
      /** Last year's report of the agency, null when there is none or it cannot be told apart. */
      previous: z.url().nullable(),
      /** The addresses that all name last year's report, when it was published twice. */
      previousCandidates: z.array(z.url()).optional(),
      planted: z.array(z.enum(PLANTED)),
      /** The attached PDF of a pdf-article. */
      attachment: z.url().optional(),
      expected: ExpectedReportSchema,
    })
    .optional(),
  /** A listing page: its column's first page and every report it lists across its pagination, in order. */
  listing: z.object({ column: z.url(), reports: z.array(z.url()) }).optional(),
  /** What lib/portal/links.ts readPageLinks gives on the page. */
  links: z
    .object({
      reports: z.array(LinkSchema),
      listingPages: z.array(z.url()),
      column: z.url().nullable(),
      previousArticle: z.url().nullable(),
      nextArticle: z.url().nullable(),
    })
    .optional(),
  /** The hostile listing: the links it offers that must never be kept or followed. */
  hostileLinks: z
    .object({
      offPortal: z.array(z.string()),
      redirects: z.array(z.url()),
      reportLinkCount: z.number().int(),
      claimedPageCount: z.number().int(),
    })
    .optional(),
});
export type PortalPage = z.infer<typeof PageSchema>;

const ManifestSchema = z.object({
  description: z.string(),
  portals: z.array(
    z.object({
      id: z.enum(['A', 'B']),
      name: z.string(),
      cms: z.enum(['trs', 'hanweb']),
      hosts: z.array(z.string()),
      column: z.url(),
    }),
  ),
  /** Agency-years that were never published. */
  missing: z.array(z.object({ portal: z.enum(['A', 'B']), agency: z.string(), year: z.number() })),
  pages: z.array(PageSchema),
  redirects: z.array(z.object({ url: z.url(), location: z.string(), status: z.literal(302) })),
});
export type PortalManifest = z.infer<typeof ManifestSchema>;

export function loadPortalManifest(dir: string = PORTAL_DIR): PortalManifest {
  const path = join(dir, 'portal.json');
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : error}`);
  }
}

/** The saved bytes of a page of the mirror. */
export function portalFile(page: PortalPage, dir: string = PORTAL_DIR): Buffer {
  return readFileSync(join(dir, page.file));
}
