/**
 * The detection script's end of the message table, without zod. The script
 * that runs on every .gov.cn page sends one request (`loadAnalyser`, on a
 * report) and answers one (`getPageState`, until the analyser takes over);
 * both are fieldless and their answers tiny, so they are checked here by
 * hand instead of carrying zod and the table's schemas into every page. The
 * names and answer types still come from ./messages.ts (types only, erased
 * from the bundle), the background still parses the request against the
 * table, and test/unit/messaging/lean.test.ts holds each hand check to the
 * table's schema.
 */

import type { Transport } from './channel';
import type { Answer, NamesFromTo } from './messages';

/**
 * A receiver of requests to the content script: the answer's promise, or
 * undefined to leave the request unanswered.
 */
export type Receive = (message: unknown) => Promise<unknown> | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The messages the detection script may send, each with its answer checked by hand. */
export const LEAN_ANSWERS = {
  loadAnalyser: (answer: unknown): answer is Answer<'loadAnalyser'> =>
    isRecord(answer) && answer.loaded === true,
} satisfies { [N in NamesFromTo<'contentScript', 'background'>]?: (answer: unknown) => boolean };

export type LeanName = keyof typeof LEAN_ANSWERS;

/** The answer did not pass its check (the request was refused, or something else answered). */
export class LeanAnswerError extends Error {
  override readonly name = 'LeanAnswerError';
  constructor(readonly messageName: LeanName) {
    super(`OGI Lens: no valid answer to "${messageName}"`);
  }
}

export type LeanAsker = <N extends LeanName>(name: N) => Promise<Answer<N>>;

/** `ask(name)`, as createAsker does for the full table (./channel.ts), for the fieldless requests above. */
export function createLeanAsker(transport: Transport): LeanAsker {
  return async (name) => {
    const answer = await transport({ type: name });
    if (!LEAN_ANSWERS[name](answer)) throw new LeanAnswerError(name);
    return answer as Answer<typeof name>;
  };
}

/**
 * Whether a message is the fieldless request `name` to the content script.
 * For a request without fields this is the whole of the table's parse (its
 * schema is an empty object, which takes any object).
 */
export function isFieldlessRequest(message: unknown, name: 'getPageState'): boolean {
  return isRecord(message) && message.type === name;
}

/**
 * The part of the browser's `runtime` the detection script uses, as the
 * browsers give it without the polyfill (Firefox's `browser`, Chrome's
 * `chrome`: both return promises from sendMessage in the versions the
 * extension supports).
 */
export interface LeanRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: CallbackListener): void };
}

/** `runtime.onMessage`'s listener as the browsers call it without the polyfill. */
export type CallbackListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (answer: unknown) => void,
) => boolean;

/**
 * A receiver as a `runtime.onMessage` listener without webextension-polyfill
 * (it would weigh more than the detection itself): an answer goes back
 * through `sendResponse`, the listener returning true to keep the channel
 * open (Chrome and Firefox alike); a request it leaves unanswered returns
 * false. A failure goes back in the polyfill's own rejection shape, which the
 * popup's polyfill turns into a rejection in Chrome (in Firefox it reads as an
 * answer out of shape): either way the popup says so.
 */
export function callbackListener(receive: Receive): CallbackListener {
  return (message, _sender, sendResponse) => {
    let answer: Promise<unknown> | undefined;
    try {
      answer = receive(message);
    } catch (error) {
      answer = Promise.reject(error);
    }
    if (answer === undefined) return false;
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({
        __mozWebExtensionPolyfillReject__: true,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    return true;
  };
}
