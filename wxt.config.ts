import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Asks V8 to compile every function of the analyser when the script
 * loads (Chromium's explicit compile hints) instead of lazily, at each
 * function's first call. The first pass over a page runs each function once,
 * so lazily it paid one compilation per function in the middle of detection
 * (0.3 of its 1 ms) and of the report's analysis (about 12 of 57 ms);
 * compiled in one go at load the page pays less in all (see README,
 * Performance). Other engines ignore the comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
/**
 * The analyser, injected on a report page, where its pass runs most of its
 * functions; compiled while the page settles. The detection script that runs
 * on every page is left lazy: a page that is not a report runs a fraction of
 * it, and eager bytecode would be heap every page keeps.
 */
const EAGER_FILES = ['analyser.js', 'detector.js'];

function eagerCompileHint(): Plugin {
  return {
    name: 'ogi-lens:eager-compile-hint',
    apply: 'build',
    // After minification, which would drop the comment.
    generateBundle(_options, bundle) {
      for (const file of EAGER_FILES) {
        const chunk = bundle[file];
        if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
      }
    },
  };
}

/**
 * pdf.js builds functions from strings in two places: a feature test
 * (`new Function("")` in a try, to learn whether eval is allowed) and its
 * PostScript-function compiler, which runs only when `isEvalSupported` is
 * true — lib/pdf/pdfjs.ts passes false. The extension ships no code built
 * from strings (test/browser/build.test.ts), so both become a function that
 * throws: the feature test then answers "not supported", and the compiler,
 * never reached, could not run if it were.
 */
function noCodeFromStrings(): Plugin {
  const refuse = "(function(){throw new EvalError('OGI Lens builds no code from strings')})";
  return {
    name: 'ogi-lens:no-code-from-strings',
    transform(code, id) {
      if (!id.includes('pdfjs-dist')) return null;
      return { code: code.replace(/new\s+Function\s*\(/g, `${refuse}(`), map: null };
    },
  };
}

// Firefox-only settings live here because Chrome rejects unknown manifest keys
// with a warning on every load.
// 142 is the first Firefox (desktop and Android) that knows data_collection_permissions.
const GECKO_ID = 'ogi-lens@ogi-lens.org';
const GOV_CN = '*://*.gov.cn/*';
/** The content script on every .gov.cn page (entrypoints/detector.ts, an unlisted script). */
const DETECTOR_FILE = 'detector.js';

/**
 * pdf.js's packed CMaps for Chinese (Adobe-GB1 and the UniGB encodings, 384 KB
 * of pdfjs-dist's 1.7 MB): a PDF whose text is in a font it does not embed
 * and names by a predefined CMap (STSong-Light with UniGB-UCS2-H, as older
 * Chinese tools wrote it) reads as nothing without them. Copied from
 * node_modules at build into cmaps/, where the PDF page reads them
 * (entrypoints/pdf-report/main.ts); the other scripts' CMaps are left out.
 */
const CMAP_DIR = join(import.meta.dirname, 'node_modules', 'pdfjs-dist', 'cmaps');
const CHINESE_CMAP = /GB.*\.bcmap$/;

export default defineConfig({
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(CMAP_DIR)) {
        if (CHINESE_CMAP.test(name)) {
          files.push({ absoluteSrc: join(CMAP_DIR, name), relativeDest: `cmaps/${name}` });
        }
      }
    },
  },
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module's dependencies readable.
  imports: false,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [eagerCompileHint(), noCodeFromStrings()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the analyser (on a report page) and the workbook writer (when exporting) are
    // injected beside the content script, so that neither weighs on every .gov.cn page.
    // activeTab: "save evidence image" captures the tab (tabs.captureVisibleTab), which both
    // browsers allow only with activeTab or <all_urls>; README's design notes say why not the latter.
    // offscreen (Chrome only): the MV3 worker has no DOMParser; the search for last year's
    // report on the page's portal reads the pages in an offscreen document (entrypoints/offscreen/).
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: [GOV_CN],
    // Declared here rather than as a WXT content script: entrypoints/detector.ts says why.
    content_scripts: [{ matches: [GOV_CN], js: [DETECTOR_FILE], run_at: 'document_idle' }],
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
