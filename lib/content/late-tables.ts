/**
 * Waits for tables that a page inserts after load (single-page portals, lazy
 * content). The observer lives only for a bounded window and stops at the
 * first batch of tables: pages are never watched for good.
 */

export interface LateTableOptions {
  /** How long to watch at most. */
  windowMs: number;
  /** Tables often arrive in pieces: wait until nothing table-like was added for this long. */
  quietMs: number;
  /** Nodes of the extension itself, which must never trigger anything. */
  isOwnNode: (node: Node) => boolean;
}

export interface LateTableWatch {
  /** True once tables arrived and settled; false when the window closed without any. */
  done: Promise<boolean>;
  cancel(): void;
}

const ELEMENT = 1;

function bringsTable(node: Node): boolean {
  if (node.nodeType !== ELEMENT) return false;
  const el = node as Element;
  return (
    el.localName === 'table' || el.closest('table') !== null || el.querySelector('table') !== null
  );
}

export function watchForLateTables(target: Node, options: LateTableOptions): LateTableWatch {
  let settle: (arrived: boolean) => void = () => {};
  const done = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let arrived = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const finish = (result: boolean) => {
    if (finished) return;
    finished = true;
    observer.disconnect();
    clearTimeout(quietTimer);
    clearTimeout(windowTimer);
    settle(result);
  };

  // The script's own global first: in Firefox a page window's constructor would not call back into it.
  const Observer =
    typeof MutationObserver === 'function'
      ? MutationObserver
      : (target.ownerDocument?.defaultView?.MutationObserver as typeof MutationObserver);
  const observer = new Observer((records) => {
    for (const record of records) {
      if (options.isOwnNode(record.target)) continue;
      for (const node of Array.from(record.addedNodes)) {
        if (options.isOwnNode(node) || !bringsTable(node)) continue;
        arrived = true;
        clearTimeout(quietTimer);
        quietTimer = setTimeout(() => finish(true), options.quietMs);
      }
    }
  });
  observer.observe(target, { childList: true, subtree: true });
  // A page that keeps adding rows past the window is analysed with what it has by then.
  windowTimer = setTimeout(() => finish(arrived), options.windowMs);

  return { done, cancel: () => finish(false) };
}
