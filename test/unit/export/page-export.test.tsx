import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportMenu } from '../../../components/ExportMenu';
import { runChecks } from '../../../lib/checks/run';
import { reportCsv } from '../../../lib/export/csv';
import { exportFromPage, type ShownReport } from '../../../lib/export/page-export';
import { reportText } from '../../../lib/export/report-text';
import type {
  ExportFile,
  ExportFormat,
  ExportOutcome,
  WorkbookWriter,
} from '../../../lib/export/types';
import { extractReport } from '../../../lib/extract';
import { FIXTURE_DIR } from '../../support/fixtures';
import { translatorFor } from '../../support/translator';

const PAGE = join(FIXTURE_DIR, 'chk-identity-culprit.html');
const URL_OF_PAGE = 'http://www.example.gov.cn/art/2024/report.html';

function openPage(): { doc: Document; shown: ShownReport } {
  const doc = new JSDOM(readFileSync(PAGE), { url: URL_OF_PAGE }).window.document;
  const { report } = extractReport(doc, URL_OF_PAGE);
  const findings = runChecks(report, null);
  return {
    doc,
    shown: { report, findings, previous: null, retrievedAt: '2024-03-01T02:03:04.000Z' },
  };
}

describe('exporting from the page', () => {
  it('saves the CSV the report gives, under the report’s file name, without loading the workbook writer', async () => {
    const { doc, shown } = openPage();
    const saved: ExportFile[] = [];
    let writerLoads = 0;
    const outcome = await exportFromPage(doc, 'csv', shown, {
      loadWorkbookWriter: async () => {
        writerLoads++;
        throw new Error('not expected');
      },
      save: (_doc, file) => saved.push(file),
    });
    expect(writerLoads).toBe(0);
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(outcome).toEqual({ ok: true, filename: file?.filename });
    expect(file?.filename).toMatch(/-年报核查\.csv$/);
    // ignoreBOM: the file's byte-order mark is part of what is checked.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file?.bytes)).toBe(
      reportCsv(shown.report, shown.findings, { retrievedAt: shown.retrievedAt }),
    );
  });

  it('hashes the page’s report text into the memo', async () => {
    const { doc, shown } = openPage();
    const saved: ExportFile[] = [];
    await exportFromPage(doc, 'md', shown, {
      loadWorkbookWriter: async () => {
        throw new Error('not expected');
      },
      save: (_doc, file) => saved.push(file),
    });
    const digest = createHash('sha256').update(reportText(doc), 'utf8').digest('hex');
    expect(new TextDecoder().decode(saved[0]?.bytes)).toContain(digest);
  });

  it('hashes the text it is given instead of the page’s (the PDF page: the PDF’s text, as the command line hashes it)', async () => {
    const { doc, shown } = openPage();
    const saved: ExportFile[] = [];
    const pdfText = '一、总体情况\n本年度共收到政府信息公开申请92件。';
    await exportFromPage(doc, 'md', shown, {
      loadWorkbookWriter: async () => {
        throw new Error('not expected');
      },
      save: (_doc, file) => saved.push(file),
      text: () => pdfText,
    });
    const memo = new TextDecoder().decode(saved[0]?.bytes);
    expect(memo).toContain(createHash('sha256').update(pdfText, 'utf8').digest('hex'));
    expect(memo).not.toContain(createHash('sha256').update(reportText(doc), 'utf8').digest('hex'));
  });

  it('loads the workbook writer only for a workbook, and reports a writer that cannot load instead of throwing', async () => {
    const { doc, shown } = openPage();
    const saved: ExportFile[] = [];
    const writer: WorkbookWriter = (input) =>
      new TextEncoder().encode(`PK ${input.report.identity.agency}`);
    const ok = await exportFromPage(doc, 'xlsx', shown, {
      loadWorkbookWriter: async () => writer,
      save: (_doc, file) => saved.push(file),
    });
    expect(ok.ok).toBe(true);
    expect(saved[0]?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(saved[0]?.filename).toMatch(/\.xlsx$/);

    const failed = await exportFromPage(doc, 'xlsx', shown, {
      loadWorkbookWriter: async () => {
        throw new Error('The workbook writer could not be loaded.');
      },
      save: () => {
        throw new Error('nothing should be saved');
      },
    });
    expect(failed).toEqual({ ok: false, message: 'The workbook writer could not be loaded.' });
  });
});

describe('the export menu', () => {
  const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
  const app = dom.window.document.getElementById('app') as HTMLElement;
  beforeAll(() => {
    globalThis.document = dom.window.document;
  });
  afterAll(() => {
    render(null, app);
    Reflect.deleteProperty(globalThis, 'document');
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('offers the remembered format, remembers a new choice and exports in it, saying where the file went', async () => {
    const chosen: ExportFormat[] = [];
    const exported: ExportFormat[] = [];
    render(
      <ExportMenu
        format="md"
        t={translatorFor('zh_CN')}
        acceptEvent={() => true}
        onFormatChange={(format) => chosen.push(format)}
        onExport={async (format): Promise<ExportOutcome> => {
          exported.push(format);
          return { ok: true, filename: `某局-2023-年报核查.${format}` };
        }}
      />,
      app,
    );
    const select = app.querySelector('select[data-export-format]') as HTMLSelectElement;
    expect(select.value).toBe('md');
    expect(Array.from(select.options, (option) => option.value)).toEqual([
      'xlsx',
      'csv',
      'json',
      'md',
    ]);
    select.value = 'csv';
    select.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    await settle();
    (app.querySelector('button[data-action="export"]') as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(chosen).toEqual(['csv']);
    expect(exported).toEqual(['csv']);
    const status = app.querySelector('[data-export-status]');
    expect(status?.getAttribute('data-export-status')).toBe('done');
    expect(status?.textContent).toBe('已保存：某局-2023-年报核查.csv');
  });

  it('says why an export failed', async () => {
    render(
      <ExportMenu
        format="xlsx"
        t={translatorFor('en')}
        acceptEvent={() => true}
        onFormatChange={() => {}}
        onExport={async () => ({ ok: false, message: 'The report has not been read yet.' })}
      />,
      app,
    );
    (app.querySelector('button[data-action="export"]') as HTMLButtonElement).click();
    await settle();
    await settle();
    const status = app.querySelector('[data-export-status]');
    expect(status?.getAttribute('data-export-status')).toBe('failed');
    expect(status?.textContent).toBe('Export failed: The report has not been read yet.');
  });
});
