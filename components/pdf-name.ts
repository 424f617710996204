/**
 * The file name a PDF's address ends in, as the reader saw it on the page
 * (「江州市…年度报告.pdf」): what the popup, the in-page bar and the panel name
 * each offered PDF by. Shown as text only.
 */
export function pdfFileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
  } catch {
    return url;
  }
}
