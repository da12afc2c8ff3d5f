// Builds the explorer into ONE self-contained file, viz/dist/index.html, that opens from
// disk (file://) with no server. src/export/html.ts fills its graph placeholder.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const vizRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: vizRoot,
  base: './',
  plugins: [viteSingleFile()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 4096,
  },
});
