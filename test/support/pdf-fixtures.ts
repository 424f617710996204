/** The PDF fixtures (test/fixtures/pdf): each PDF with its expected JSON, kept apart from the page corpus. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExpectedReport, FIXTURE_DIR } from './fixtures';

export const PDF_FIXTURE_DIR = join(FIXTURE_DIR, 'pdf');

export interface PdfFixture {
  name: string;
  pdfPath: string;
  kind: 'report' | 'scanned' | 'none';
  source: 'pdf';
  report?: ExpectedReport;
}

export function loadPdfFixtures(): PdfFixture[] {
  return readdirSync(PDF_FIXTURE_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(PDF_FIXTURE_DIR, f), 'utf8'));
      return { name, pdfPath: join(PDF_FIXTURE_DIR, `${name}.pdf`), ...expected };
    });
}
