/**
 * The workbook writer, as its own script: the background injects it into a
 * report page's isolated world (beside the content script) the first time a
 * workbook is exported there, so the content script's bundle never carries it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishWorkbookWriter } from '../lib/export/writer-slot';
import { writeWorkbook } from '../lib/export/xlsx/workbook';

export default defineUnlistedScript(() => {
  publishWorkbookWriter(writeWorkbook);
});
