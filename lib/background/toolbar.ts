/**
 * The toolbar button's badge and title per tab: the findings of the tab's
 * report, cleared when the tab loads another page. The button
 * (`action` in MV3, `browserAction` in MV2) and the strings come in from
 * entrypoints/background.ts.
 */
import type { Badge } from './handler';

/** The part of `browser.action` / `browser.browserAction` the badge uses. */
export interface ToolbarButton {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface ToolbarDeps {
  /** The button, looked up when used (the browser names it differently by manifest version). */
  button(): ToolbarButton;
  /** The button's title over a report, in the language the user chose. */
  badgeTitle(errors: number, warnings: number): Promise<string>;
  /** The extension's name: the button's title elsewhere (the same in every language). */
  extensionName(): string;
}

export function createToolbar(deps: ToolbarDeps) {
  return {
    async show(tabId: number, badge: Badge): Promise<void> {
      const button = deps.button();
      const title = await deps.badgeTitle(badge.errors, badge.warnings);
      await Promise.all([
        button.setBadgeText({ tabId, text: badge.text }),
        badge.color ? button.setBadgeBackgroundColor({ tabId, color: badge.color }) : undefined,
        button.setTitle({ tabId, title }),
      ]);
    },

    /** `tabs.onUpdated`: a tab that starts loading a page shows nothing until that page is read. */
    tabUpdated(tabId: number, change: { status?: string }): void {
      if (change.status !== 'loading') return;
      const button = deps.button();
      Promise.all([
        button.setBadgeText({ tabId, text: '' }),
        button.setTitle({ tabId, title: deps.extensionName() }),
      ]).catch(() => {
        // The tab closed in the meantime: nothing to clear.
      });
    },
  };
}
