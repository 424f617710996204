import assert from 'node:assert/strict';
import { defineAnnotateSuite } from './annotate';
import { type ChromiumSession, launchChromium } from './chromium';
import { builtExtensionDir } from './driver';

const STOP_TIMEOUT_MS = 10_000;

interface WorkerVersion {
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the MV3 service worker as Chrome does when it idles, through DevTools
 * on an extension page (the worker lives in the extension's storage
 * partition, which a web page's session does not reach), and waits until
 * DevTools reports it stopped.
 */
async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const origin = `chrome-extension://${session.extensionId}/`;
  const page = await session.context.newPage();
  try {
    await page.goto(session.popupUrl(''));
    const cdp = await session.context.newCDPSession(page);
    const stopped = new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), STOP_TIMEOUT_MS);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = (versions as WorkerVersion[]).filter((v) => v.scriptURL.startsWith(origin));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          done(true);
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    assert.ok(await stopped, 'the service worker did not stop');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

defineAnnotateSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium, {
  stopBackground: stopServiceWorker,
});
