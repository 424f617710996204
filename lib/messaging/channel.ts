/**
 * Sending and receiving the messages of ./messages.ts. Both sides take the
 * browser's transport from their entrypoint (`runtime.sendMessage`,
 * `tabs.sendMessage` bound to a tab, `runtime.onMessage`), so that lib/ stays
 * free of `browser.*` and both sides run in Node tests.
 */
import type * as z from 'zod/mini';
import {
  type Answer,
  isMessageName,
  MESSAGES,
  type MessageName,
  type MessageSpec,
  type NamesFromTo,
  type NamesTo,
  type Party,
  type Request,
  type RequestInput,
} from './messages';

/** Delivers one request and resolves with the receiver's raw answer (`runtime.sendMessage` and the like). */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * The answer did not fit the message's answer schema: the receiver refused
 * the request (no answer at all), or something else answered. A failed
 * delivery rejects with the transport's own error instead.
 */
export class AnswerError extends Error {
  override readonly name = 'AnswerError';
  constructor(readonly messageName: MessageName) {
    super(`OGI Lens: no valid answer to "${messageName}"`);
  }
}

/** A message without fields is asked with its name alone. */
type PayloadArgs<N extends MessageName> =
  Record<string, never> extends RequestInput<N>
    ? [fields?: RequestInput<N>]
    : [fields: RequestInput<N>];

export type Asker<From extends Party, To extends Party> = <N extends NamesFromTo<From, To>>(
  name: N,
  ...fields: PayloadArgs<N>
) => Promise<Answer<N>>;

/**
 * `ask(name, fields)` as `from` talking to `to`: the typed request goes out as
 * `{ type: name, ...fields }` and the answer comes back parsed, or the promise
 * rejects (AnswerError, or the transport's error). The request is not parsed
 * here: its receiver parses it, and a report parsed twice would cost the page.
 * `from` and `to` only type the asker (which names it takes); who sent what
 * is for the receiver to decide, from what the browser tells it.
 */
export function createAsker<From extends Party, To extends Party>(
  _from: From,
  _to: To,
  transport: Transport,
): Asker<From, To> {
  return async (name, ...[fields]) => {
    const answer = await transport({ ...fields, type: name });
    const parsed = (MESSAGES[name] as MessageSpec).answer.safeParse(answer);
    if (!parsed.success) throw new AnswerError(name);
    return parsed.data as Answer<typeof name>;
  };
}

/** What a receiver does with each message it receives: the answer, as a promise. */
export type Handlers<To extends Party, Sender> = {
  [N in NamesTo<To>]: (request: Request<N>, sender: Sender) => Promise<Answer<N>>;
};

export interface ReceiverOptions<To extends Party, Sender> {
  to: To;
  handlers: Handlers<To, Sender>;
  /**
   * Whether the sender, as the browser describes it, is one of the parties
   * the table lets send this message. Without it every sender is taken: only
   * where the browser itself limits who can reach the receiver (a content
   * script hears only its own extension).
   */
  mayReceive?(from: readonly Party[], sender: Sender): boolean;
  /**
   * A message that is not a request for this receiver (no issues), or does
   * not parse as its declared request (the issues): what to answer (a
   * refusal the sender should hear about), or undefined to drop it. Dropped
   * silently without it.
   */
  onMalformed?(
    message: unknown,
    issues: readonly z.core.$ZodIssue[],
    sender: Sender,
  ): Promise<unknown> | undefined;
  /** A well-formed request from a sender `mayReceive` turned down; it is dropped. */
  onDisallowed?(name: MessageName, sender: Sender): void;
}

/**
 * A listener for `runtime.onMessage`: parses each message against the table,
 * checks its sender, and hands it to its typed handler. Returns the answer's
 * promise, or undefined for anything dropped (the browser then answers
 * nothing, and the asking side's parse fails).
 */
export function createReceiver<To extends Party, Sender>(
  options: ReceiverOptions<To, Sender>,
): (message: unknown, sender: Sender) => Promise<unknown> | undefined {
  const { to, handlers } = options;
  return (message, sender) => {
    const name =
      typeof message === 'object' && message !== null
        ? (message as { type?: unknown }).type
        : undefined;
    // `type` names the message and is checked here; the request's schema
    // leaves it out (an object drops keys it does not declare), so the
    // handler gets the fields alone.
    if (!isMessageName(name) || MESSAGES[name].to !== to) {
      return options.onMalformed?.(message, [], sender);
    }
    const parsed = MESSAGES[name].request.safeParse(message);
    if (!parsed.success) return options.onMalformed?.(message, parsed.error.issues, sender);
    if (options.mayReceive && !options.mayReceive(MESSAGES[name].from, sender)) {
      options.onDisallowed?.(name, sender);
      return undefined;
    }
    const handle = handlers[name as NamesTo<To>] as (
      request: unknown,
      sender: Sender,
    ) => Promise<unknown>;
    try {
      return handle(parsed.data, sender);
    } catch (error) {
      // A handler that throws before its first await answers with the failure, as an async one would.
      return Promise.reject(error);
    }
  };
}
