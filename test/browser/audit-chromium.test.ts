import { defineAuditSuite } from './audit';
import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';

defineAuditSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
