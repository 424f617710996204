/**
 * Which marked element the reader is looking at: under the pointer or
 * holding the keyboard focus. One set of listeners on the document (not one
 * per cell), removed with the overlay; Escape dismisses until the target changes.
 * Only events the policy accepts count (the user's own, see trusted.ts): a
 * page's synthetic mouseover or keydown opens and dismisses nothing.
 * The card lets the pointer through (pointer-events:none), so moving on to the
 * next cell is a mouseover on that cell: the card follows it, one at a time.
 */
import { type AcceptEvent, acceptTrustedEvent } from './trusted';

export type ShowReason = 'pointer' | 'focus';

/** The card's actions by key: C copies the finding as a citation, E saves an evidence image. */
export type CardKey = 'copy' | 'evidence';

function cardKeyOf(event: KeyboardEvent): CardKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.toLowerCase();
  return key === 'c' ? 'copy' : key === 'e' ? 'evidence' : null;
}

/** A key typed into a field of the page is the reader's text, not a command. */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (el?.nodeType !== 1) return false;
  return el.isContentEditable === true || /^(?:input|textarea|select)$/i.test(el.localName ?? '');
}

export interface HoverTracker {
  /**
   * The reader chose this element elsewhere (in the panel) and it cannot
   * take the focus (a cell marked only from the history carries no tabindex):
   * it counts as focused until the focus moves on, and Escape dismisses it.
   */
  select(element: Element): void;
  /** The reader was sent to this element (show in text / in table): it is shown, whatever the pointer was on. */
  jump(element: Element): void;
  stop(): void;
}

export function trackMarkedElements(
  doc: Document,
  isMarked: (element: Element) => boolean,
  isOverlay: (node: EventTarget | null) => boolean,
  onChange: (element: Element | null, reason: ShowReason | null) => void,
  accept: AcceptEvent = acceptTrustedEvent,
  /** A click on a marked element, or Enter while it has the focus: its card's action. */
  onActivate: (element: Element) => void = () => {},
  /**
   * A letter key while a card is shown (C: copy as citation, E: save evidence):
   * the card lets the pointer through, so its actions are keys, not buttons.
   */
  onCardKey: (element: Element, key: CardKey) => void = () => {},
): HoverTracker {
  let pointer: Element | null = null;
  let focus: Element | null = null;
  let dismissed: Element | null = null;
  let shown: Element | null = null;

  const markedFrom = (target: EventTarget | null): Element | null => {
    let node = target as Node | null;
    while (node && node.nodeType !== 1) node = node.parentNode;
    for (let el = node as Element | null; el; el = el.parentElement) {
      if (isMarked(el)) return el;
    }
    return null;
  };

  const update = () => {
    // A dismissal lasts while the reader stays on that element, not for good.
    if (dismissed && pointer !== dismissed && focus !== dismissed) dismissed = null;
    const next = pointer ?? focus;
    const visible = next === dismissed ? null : next;
    if (visible === shown) return;
    shown = visible;
    onChange(visible, visible === null ? null : visible === pointer ? 'pointer' : 'focus');
  };

  const onOver = (event: Event) => {
    // Moving onto the overlay (the panel: the card lets the pointer through) keeps the card.
    if (isOverlay(event.target)) return;
    pointer = markedFrom(event.target);
    update();
  };
  const onOut = (event: Event) => {
    const to = (event as MouseEvent).relatedTarget;
    if (isOverlay(to)) return;
    pointer = markedFrom(to);
    update();
  };
  const onFocusIn = (event: Event) => {
    if (isOverlay(event.target)) return;
    focus = markedFrom(event.target);
    update();
  };
  const onFocusOut = (event: Event) => {
    focus = markedFrom((event as FocusEvent).relatedTarget);
    update();
  };
  const onKey = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Enter' && !isOverlay(event.target)) {
      const marked = markedFrom(event.target);
      if (marked && marked === focus) onActivate(marked);
      return;
    }
    const cardKey = cardKeyOf(event as KeyboardEvent);
    if (cardKey && shown !== null && !isEditable(event.target)) {
      onCardKey(shown, cardKey);
      return;
    }
    if (key !== 'Escape' || shown === null) return;
    dismissed = shown;
    update();
  };
  const onClick = (event: Event) => {
    if (isOverlay(event.target)) return;
    // A reader selecting text, or following one of the page's links, is not asking to be moved.
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const target = event.target as Element | null;
    if (typeof target?.closest === 'function' && target.closest('a[href]')) return;
    const marked = markedFrom(event.target);
    if (marked) onActivate(marked);
  };

  const listeners: [string, (event: Event) => void][] = [
    ['mouseover', onOver],
    ['mouseout', onOut],
    ['focusin', onFocusIn],
    ['focusout', onFocusOut],
    ['keydown', onKey],
    ['click', onClick],
  ];
  const guarded = listeners.map(([type, listener]): [string, (event: Event) => void] => [
    type,
    (event) => {
      if (accept(event)) listener(event);
    },
  ]);
  for (const [type, listener] of guarded) doc.addEventListener(type, listener, true);
  return {
    select(element) {
      focus = element;
      update();
    },
    jump(element) {
      // The pointer has not moved, but the page scrolled under it: what it was on is no longer chosen.
      pointer = null;
      focus = element;
      update();
    },
    stop() {
      for (const [type, listener] of guarded) doc.removeEventListener(type, listener, true);
    },
  };
}
