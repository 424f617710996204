/**
 * What the suite runs inside pages, as source text (see driver.ts for why not
 * functions).
 *
 * The mutation probe is installed before the page's own scripts and records
 * every DOM change as a signature: where it happened (a tag#id path) and what
 * changed (element added or removed with its tag, id, classes and attribute
 * names; attribute name; text). Values and positions are left out, so the same
 * page loaded twice yields the same signatures while any node or attribute an
 * extension adds stands out.
 */

const PROBE_GLOBAL = '__ogiLensTestProbe';

export const MUTATION_PROBE_SOURCE = `(() => {
  if (window.${PROBE_GLOBAL}) return;
  const elementSignatures = [];
  const textSignatures = new Set();
  const nameOf = (node) => {
    if (!node) return '?';
    if (node.nodeType === 9) return '#document';
    if (node.nodeType !== 1) return node.nodeName.toLowerCase();
    const id = node.id ? '#' + node.id : '';
    return node.localName + id;
  };
  const pathOf = (node) => {
    const parts = [];
    for (let n = node; n && n.nodeType !== 9; n = n.parentNode) parts.unshift(nameOf(n));
    return parts.join('>') || '#document';
  };
  const describe = (node) => {
    if (node.nodeType !== 1) return nameOf(node);
    const classes = Array.from(node.classList).sort().map((c) => '.' + c).join('');
    const attributes = Array.from(node.attributes).map((a) => a.name).sort().join(',');
    return nameOf(node) + classes + '[' + attributes + ']';
  };
  const record = (mutation) => {
    const where = pathOf(mutation.target);
    if (mutation.type === 'attributes') {
      elementSignatures.push('attribute ' + where + ' @' + mutation.attributeName);
    } else if (mutation.type === 'characterData') {
      textSignatures.add('text ' + where);
    } else {
      for (const [verb, nodes] of [['add', mutation.addedNodes], ['remove', mutation.removedNodes]]) {
        for (const node of nodes) {
          const signature = verb + ' ' + where + ' ' + describe(node);
          // The parser may split or merge text nodes differently from one
          // load to the next, so text changes count as kinds, not as numbers.
          if (node.nodeType === 1) elementSignatures.push(signature);
          else textSignatures.add(signature);
        }
      }
    }
  };
  const observer = new MutationObserver((mutations) => mutations.forEach(record));
  observer.observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  Object.defineProperty(window, '${PROBE_GLOBAL}', {
    value: {
      take: () => {
        observer.takeRecords().forEach(record);
        // Style can also arrive without a DOM mutation (adopted style sheets).
        const styles = [
          'document.styleSheets.length ' + document.styleSheets.length,
          'document.adoptedStyleSheets.length ' + (document.adoptedStyleSheets || []).length,
        ];
        return JSON.stringify({
          elements: elementSignatures.concat(styles),
          texts: Array.from(textSignatures),
        });
      },
    },
  });
})();`;

/**
 * The mutation probe, started once the parser is done. The content script
 * runs at document_idle, after DOMContentLoaded, so nothing it writes is
 * missed; what is left out is the parser's own work, which may append a text
 * node in two mutations on one load and in one on another, and so showed up
 * as a difference that neither load's scripts made (a text node of a
 * paragraph, now and then, in the Chromium suite).
 */
export const AFTER_PARSE_MUTATION_PROBE_SOURCE = `(() => {
  const start = () => { ${MUTATION_PROBE_SOURCE} };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();`;

export interface MutationLog {
  /** One entry per element-level change (a multiset). */
  elements: string[];
  /** Kinds of text-level change (a set). */
  texts: string[];
}

/** Evaluates to the probe's log as JSON, or null when the probe is missing. */
export const TAKE_MUTATIONS_EXPRESSION = `window.${PROBE_GLOBAL} ? window.${PROBE_GLOBAL}.take() : null`;

/**
 * The changes one load made that another load of the same page did not: the
 * extension's doing when the other load ran without it.
 */
export function unexplainedChanges(withExtension: MutationLog, baseline: MutationLog): string[] {
  const remaining = new Map<string, number>();
  for (const signature of baseline.elements) {
    remaining.set(signature, (remaining.get(signature) ?? 0) + 1);
  }
  const extra: string[] = [];
  for (const signature of withExtension.elements) {
    const count = remaining.get(signature) ?? 0;
    if (count > 0) remaining.set(signature, count - 1);
    else extra.push(signature);
  }
  const baselineTexts = new Set(baseline.texts);
  extra.push(...withExtension.texts.filter((signature) => !baselineTexts.has(signature)));
  return extra;
}

export const MARKER_EXPRESSION = `document.documentElement.getAttribute('data-ogi-lens')`;

export interface PopupSnapshot {
  state: string;
  fields: Record<string, string | null>;
  tableKinds: string[];
  /** Every cell per requested key, as printed, in page order. */
  cells: Record<string, { text: string; unreadable: boolean }[]>;
}

/**
 * Evaluates to the popup's rendering as JSON once it has left `loading`, and
 * to null before that (so it can be polled).
 */
export function popupSnapshotExpression(keys: readonly string[]): string {
  return `(() => {
  const main = document.querySelector('main[data-state]');
  if (!main || main.dataset.state === 'loading') return null;
  const fieldText = (name) => {
    const element = main.querySelector('[data-field="' + name + '"]');
    return element ? element.textContent.trim() : null;
  };
  const cells = {};
  for (const key of ${JSON.stringify(keys)}) {
    cells[key] = Array.from(main.querySelectorAll('td[data-key="' + CSS.escape(key) + '"]')).map((td) => ({
      text: td.textContent,
      unreadable: td.getAttribute('data-unreadable') === 'true',
    }));
  }
  return JSON.stringify({
    state: main.dataset.state,
    fields: {
      agency: fieldText('agency'),
      year: fieldText('year'),
      // The format's id, and the words the reader sees for it.
      template: main.querySelector('[data-field="template"]')?.dataset.template ?? null,
      templateName: fieldText('template'),
      publishedAt: fieldText('publishedAt'),
    },
    tableKinds: Array.from(main.querySelectorAll('table[data-table-kind]')).map((t) => t.dataset.tableKind),
    cells,
  });
})()`;
}
