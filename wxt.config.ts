import { defineConfig } from 'wxt';

// Firefox-only settings live here because Chrome rejects unknown manifest keys
// with a warning on every load.
// 142 is the first Firefox (desktop and Android) that knows data_collection_permissions.
const GECKO_ID = 'ogi-lens@ogi-lens.org';

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module's dependencies readable.
  imports: false,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the workbook writer is injected beside the content script only when exporting.
    permissions: ['storage', 'scripting'],
    host_permissions: ['*://*.gov.cn/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
