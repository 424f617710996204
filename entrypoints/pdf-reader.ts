/**
 * lib/pdf as its own script, for Firefox's background page: loaded there
 * (a `<script>` in the background page's document) only when a search for
 * last year's report on the portal meets a PDF, so that pdf.js is not part
 * of every start of the background (lib/pdf/reader-slot.ts). Chrome's
 * offscreen document imports lib/pdf itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPdfReport } from '../lib/pdf/extract-pdf';
import { publishPdfReader } from '../lib/pdf/reader-slot';

export default defineUnlistedScript({
  include: ['firefox'],
  main() {
    publishPdfReader(extractPdfReport);
  },
});
