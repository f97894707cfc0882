import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The renderer ships as one classic script with V8's compile hint (`//# allFunctionsCalledOnLoad`), so that
 * the code cache (Chromium's for the web host, the `otklik:` scheme's in Electron) holds the compiled code of
 * every function, React's render included. Chromium keeps no code cache for module scripts: as modules, the
 * first screen compiled ~750 functions on the main thread at every start (docs/architecture.md, As built).
 */
function classicScript(): Plugin {
  return {
    name: 'otklik:classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const classic = html.replace(/<script type="module" crossorigin src=/g, '<script defer src=');
        if (classic === html) throw new Error('classicScript: the entry script tag was not found');
        return classic;
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('src/main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file (the package is "type": "module").
      rolldownOptions: {
        input: { index: resolve('src/main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), classicScript()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      modulePreload: false,
      cssCodeSplit: false,
      // One script of ~1 MB on purpose (see classicScript); recharts, used by the reports and the wall, is most of it.
      chunkSizeWarningLimit: 1_200,
      rolldownOptions: {
        input: { index: resolve('src/renderer/index.html') },
        checks: { emptyImportMeta: false },
        output: { format: 'iife', inlineDynamicImports: true, postBanner: '//# allFunctionsCalledOnLoad' },
      },
    },
  },
});
