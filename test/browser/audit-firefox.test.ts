import { defineAuditSuite } from './audit';
import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';

defineAuditSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
