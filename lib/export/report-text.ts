/**
 * The text a memo's SHA-256 is taken of: the report's content area as the
 * extension reads it (block boundaries as line breaks, whitespace collapsed by
 * elementText). The browser and the command line compute it from the same
 * DOM the same way, so a memo written by either can be checked against a page
 * saved later. The extension's own nodes add no text (its UI is in a shadow root).
 */

import { findContentRoot } from '../extract';
import { elementText } from '../text/dom-text';

export function reportText(doc: Document): string {
  return elementText(findContentRoot(doc));
}
