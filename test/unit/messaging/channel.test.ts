/**
 * The message table and the helpers that send and receive its messages:
 * requests parsed on receipt, answers parsed on the asking side, and the
 * sender's party checked where the receiver is told how.
 */
import { describe, expect, it, vi } from 'vitest';
import { AnswerError, createAsker, createReceiver } from '../../../lib/messaging/channel';
import { MESSAGES, type Party } from '../../../lib/messaging/messages';

/** A transport that hands every request to `receive`, as the browser would, and records it. */
function loopback(receive: (message: unknown) => Promise<unknown> | undefined) {
  const sent: unknown[] = [];
  const transport = async (message: unknown) => {
    sent.push(message);
    // Structured clone, as between contexts: no shared objects.
    return receive(structuredClone(message));
  };
  return { sent, transport };
}

const contentReceiver = (log: unknown[] = []) =>
  createReceiver<'contentScript', unknown>({
    to: 'contentScript',
    handlers: {
      getPageState: async () => ({ kind: 'listing' }),
      exportReport: async (request) => ({ ok: true, filename: `report.${request.format}` }),
      previousYearProgress: async () => ({ noted: true }),
    },
    onMalformed: (message) => {
      log.push(message);
      return undefined;
    },
  });

describe('the message table', () => {
  it('declares who sends each message to whom', () => {
    const routes = Object.fromEntries(
      Object.entries(MESSAGES).map(([name, spec]) => [name, `${spec.from.join('|')} → ${spec.to}`]),
    );
    expect(routes).toEqual({
      analysed: 'contentScript → background',
      analysedPdf: 'extensionPage → background',
      auditedReport: 'extensionPage → background',
      portalHistory: 'extensionPage → background',
      openColumnAudit: 'contentScript → background',
      prepare: 'contentScript → background',
      loadAnalyser: 'contentScript → background',
      loadWorkbookWriter: 'contentScript → background',
      captureTab: 'contentScript → background',
      openPdfReport: 'contentScript → background',
      getLocale: 'contentScript|extensionPage → background',
      listHistory: 'extensionPage → background',
      deleteHistory: 'extensionPage → background',
      clearHistory: 'extensionPage → background',
      exportHistory: 'extensionPage → background',
      getPageState: 'extensionPage → contentScript',
      exportReport: 'extensionPage → contentScript',
      findPreviousYear: 'contentScript → background',
      cancelPreviousYear: 'contentScript → background',
      previousYearProgress: 'background → contentScript',
      portalSearch: 'background → offscreen',
      portalSearchCancel: 'background → offscreen',
      portalSearchProgress: 'offscreen → background',
    });
  });
});

describe('asking', () => {
  it('sends { type, ...fields } and resolves with the parsed answer', async () => {
    const { sent, transport } = loopback((message) => contentReceiver()(message, undefined));
    const ask = createAsker('extensionPage', 'contentScript', transport);
    await expect(ask('exportReport', { format: 'csv' })).resolves.toEqual({
      ok: true,
      filename: 'report.csv',
    });
    await expect(ask('getPageState')).resolves.toEqual({ kind: 'listing' });
    expect(sent).toEqual([{ type: 'exportReport', format: 'csv' }, { type: 'getPageState' }]);
  });

  it('rejects an answer out of shape instead of trusting it', async () => {
    const ask = createAsker('extensionPage', 'contentScript', async () => ({
      kind: 'report',
      report: { identity: 'x' },
    }));
    await expect(ask('getPageState')).rejects.toBeInstanceOf(AnswerError);
    // No answer at all (a receiver that dropped the request) is no valid answer either.
    const silent = createAsker('contentScript', 'background', async () => undefined);
    await expect(silent('analysed', { report: {} as never })).rejects.toBeInstanceOf(AnswerError);
  });

  it('passes a failed delivery on as it is', async () => {
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    const ask = createAsker('extensionPage', 'contentScript', () => Promise.reject(gone));
    await expect(ask('getPageState')).rejects.toBe(gone);
  });

  it('keeps a refusal as the answer it is', async () => {
    const ask = createAsker('contentScript', 'background', async () => ({ refused: 'tooLarge' }));
    await expect(ask('analysed', { report: {} as never })).resolves.toEqual({
      refused: 'tooLarge',
    });
  });
});

describe('receiving', () => {
  it('accepts the requests declared for it and drops anything else', async () => {
    const dropped: unknown[] = [];
    const receive = contentReceiver(dropped);
    await expect(receive({ type: 'getPageState' }, undefined)).resolves.toEqual({
      kind: 'listing',
    });
    for (const message of [
      { type: 'setMarker' },
      'getPageState',
      null,
      // A message declared for another receiver.
      { type: 'listHistory' },
      // Declared here, but not in shape.
      { type: 'exportReport', format: 'exe' },
      { type: 'toString' },
    ]) {
      expect(receive(message, undefined)).toBeUndefined();
    }
    expect(dropped).toHaveLength(6);
  });

  it('hands the handler the parsed request, without fields it does not declare', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, filename: 'x.md' }));
    const receive = createReceiver<'contentScript', unknown>({
      to: 'contentScript',
      handlers: {
        getPageState: async () => ({ kind: 'none' }),
        exportReport: handler,
        previousYearProgress: async () => ({ noted: true }),
      },
    });
    await receive({ type: 'exportReport', format: 'md', extra: '<script>' }, undefined);
    expect(handler).toHaveBeenCalledWith({ format: 'md' }, undefined);
  });

  it('checks the sender against the parties the table names, and drops the rest', async () => {
    const parties: Party[][] = [];
    const refused: string[] = [];
    const receive = createReceiver<'contentScript', { party: Party }>({
      to: 'contentScript',
      handlers: {
        getPageState: async () => ({ kind: 'none' }),
        exportReport: async () => ({ ok: false, message: 'no' }),
        previousYearProgress: async () => ({ noted: true }),
      },
      mayReceive: (from, sender) => {
        parties.push([...from]);
        return from.includes(sender.party);
      },
      onDisallowed: (name) => refused.push(name),
    });
    expect(receive({ type: 'getPageState' }, { party: 'contentScript' })).toBeUndefined();
    await expect(receive({ type: 'getPageState' }, { party: 'extensionPage' })).resolves.toEqual({
      kind: 'none',
    });
    expect(parties).toEqual([['extensionPage'], ['extensionPage']]);
    expect(refused).toEqual(['getPageState']);
  });

  it('answers a malformed message with what onMalformed gives (a refusal), with the issues', async () => {
    const receive = createReceiver<'background', unknown>({
      to: 'background',
      handlers: {} as never,
      onMalformed: (_message, issues) =>
        Promise.resolve({
          refused: issues.some((i) => i.code === 'too_big') ? 'tooLarge' : 'invalid',
        }),
    });
    await expect(
      receive({ type: 'deleteHistory', id: 'x'.repeat(501) }, undefined),
    ).resolves.toEqual({ refused: 'tooLarge' });
  });

  it('turns a handler that throws into a rejected answer, not a throw into the listener', async () => {
    const receive = createReceiver<'contentScript', unknown>({
      to: 'contentScript',
      handlers: {
        getPageState: () => {
          throw new Error('broken');
        },
        exportReport: async () => ({ ok: false, message: 'no' }),
        previousYearProgress: async () => ({ noted: true }),
      },
    });
    await expect(receive({ type: 'getPageState' }, undefined)).rejects.toThrow('broken');
  });
});
