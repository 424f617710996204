/**
 * The detection script's hand-made checks (lib/messaging/lean.ts) agree with
 * the message table's schemas: what one accepts the other accepts. And the
 * listener it hands the browser answers through `sendResponse`.
 */
import { describe, expect, it } from 'vitest';
import {
  callbackListener,
  createLeanAsker,
  isFieldlessRequest,
  LEAN_ANSWERS,
  LeanAnswerError,
} from '../../../lib/messaging/lean';
import { MESSAGES } from '../../../lib/messaging/messages';

const SAMPLES: unknown[] = [
  { loaded: true },
  { loaded: true, extra: 1 },
  { loaded: false },
  { loaded: 'true' },
  {},
  [],
  [{ loaded: true }],
  null,
  undefined,
  true,
  'loaded',
  { type: 'getPageState' },
  { type: 'getPageState', extra: 'x' },
  { type: 'getPageState', __proto__: null },
];

describe('the lean end of the message table', () => {
  for (const [name, check] of Object.entries(LEAN_ANSWERS)) {
    it(`checks the answer to ${name} as the table's schema does`, () => {
      const schema = MESSAGES[name as keyof typeof LEAN_ANSWERS].answer;
      for (const sample of SAMPLES)
        expect(check(sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
    });
  }

  it('takes a fieldless request as the table does', () => {
    const { request, to } = MESSAGES.getPageState;
    expect(to).toBe('contentScript');
    for (const sample of SAMPLES) {
      const typed = typeof sample === 'object' && sample !== null && !Array.isArray(sample);
      const tableTakes =
        typed &&
        (sample as { type?: unknown }).type === 'getPageState' &&
        request.safeParse(sample).success;
      expect(isFieldlessRequest(sample, 'getPageState'), JSON.stringify(sample)).toBe(tableTakes);
    }
  });

  it('asks with the name alone and rejects an answer out of shape', async () => {
    const sent: unknown[] = [];
    const ask = createLeanAsker(async (message) => {
      sent.push(message);
      return sent.length === 1 ? { loaded: true } : undefined;
    });
    await expect(ask('loadAnalyser')).resolves.toEqual({ loaded: true });
    await expect(ask('loadAnalyser')).rejects.toBeInstanceOf(LeanAnswerError);
    expect(sent).toEqual([{ type: 'loadAnalyser' }, { type: 'loadAnalyser' }]);
  });

  it('answers through sendResponse, keeps the channel open only for an answer, and reports a failure', async () => {
    const responses: unknown[] = [];
    const respond = (answer: unknown) => responses.push(answer);
    const listener = callbackListener((message) => {
      if (message === 'ok') return Promise.resolve({ kind: 'none' });
      if (message === 'fails') return Promise.reject(new Error('no page'));
      if (message === 'throws') throw new Error('thrown');
      return undefined;
    });
    expect(listener('ignored', {}, respond)).toBe(false);
    expect(listener('ok', {}, respond)).toBe(true);
    expect(listener('fails', {}, respond)).toBe(true);
    expect(listener('throws', {}, respond)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(responses).toEqual([
      { kind: 'none' },
      { __mozWebExtensionPolyfillReject__: true, message: 'no page' },
      { __mozWebExtensionPolyfillReject__: true, message: 'thrown' },
    ]);
  });
});
