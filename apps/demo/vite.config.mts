// The browser tour: src/web is the page; the build goes to dist/web/ with the tfjs wasm binaries
// under wasm/ (tf.wasm.setWasmPaths points there) and the data files as hashed assets.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);

/** Copies tfjs-backend-wasm's .wasm files into the build (and serves them in dev). */
function tfjsWasm(): Plugin {
  const files = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
  return {
    name: 'tfjs-wasm-files',
    generateBundle() {
      for (const f of files) {
        this.emitFile({
          type: 'asset',
          fileName: `wasm/${f}`,
          source: readFileSync(join(wasmDir, f)),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/wasm\/([\w.-]+\.wasm)$/.exec(req.url ?? '');
        if (!m || !files.includes(m[1]!)) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(readFileSync(join(wasmDir, m[1]!)));
      });
    },
  };
}

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: join(here, 'src/web'),
  base: './',
  publicDir: false,
  plugins: [tfjsWasm()],
  build: {
    outDir: join(here, 'dist', 'web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
    // Not minified: tfjs-backend-wasm builds its thread workers from function source text, which
    // a minifier breaks. (Estimators are named by their registered names, which minifying keeps.)
    // Served locally, the size does not matter.
    minify: false,
  },
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
});
