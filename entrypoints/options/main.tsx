/** The options page: components/options-page.tsx with the browser's messaging and storage. */
import browser from 'webextension-polyfill';
import { startOptionsPage } from '../../components/options-page';
import { createAsker } from '../../lib/messaging/channel';
import './style.css';

void startOptionsPage({
  app: document.getElementById('app') as HTMLElement,
  doc: document,
  ask: createAsker('extensionPage', 'background', (message) =>
    browser.runtime.sendMessage(message),
  ),
  storage: browser.storage.local,
});
