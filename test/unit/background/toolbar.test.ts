import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../lib/background/handler';
import { createToolbar, type ToolbarButton } from '../../../lib/background/toolbar';

function recordingButton() {
  const calls: unknown[] = [];
  const button: ToolbarButton = {
    setBadgeText: async (details) => void calls.push(['text', details]),
    setBadgeBackgroundColor: async (details) => void calls.push(['color', details]),
    setTitle: async (details) => void calls.push(['title', details]),
  };
  return { calls, button };
}

const toolbarWith = (button: ToolbarButton) =>
  createToolbar({
    button: () => button,
    badgeTitle: async (errors, warnings) => `errors: ${errors}, warnings: ${warnings}`,
    extensionName: () => 'OGI Lens',
  });

describe('the toolbar button', () => {
  it("shows a tab's errors with their count, colour and title", async () => {
    const { calls, button } = recordingButton();
    const error = { severity: 'error' } as Parameters<typeof badgeFor>[0][number];
    await toolbarWith(button).show(7, badgeFor([error, error]));
    expect(calls).toEqual([
      ['text', { tabId: 7, text: '2' }],
      ['color', { tabId: 7, color: '#c5221f' }],
      ['title', { tabId: 7, title: 'errors: 2, warnings: 0' }],
    ]);
  });

  it('clears a tab that starts loading, and only then', async () => {
    const { calls, button } = recordingButton();
    const toolbar = toolbarWith(button);
    toolbar.tabUpdated(3, { status: 'complete' });
    toolbar.tabUpdated(3, { status: 'loading' });
    await Promise.resolve();
    expect(calls).toEqual([
      ['text', { tabId: 3, text: '' }],
      ['title', { tabId: 3, title: 'OGI Lens' }],
    ]);
  });
});
