/**
 * The web lab's build (`npm run build:web` → web/dist/). React 19 + Vite. The lab imports the
 * library's pure modules from src/ (models, rules, colours) and gets its map precomputed at build
 * time from the same code as the report (src/report/charts/map.ts), as a virtual module: nothing is
 * fetched from elsewhere at run time. A guard fails the build if anything in the bundle imports a
 * Node module (node-only loaders must stay out of the browser).
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { loadDataset } from './src/data/load.js';
import { loadWorldTopology } from './src/data/topology.js';
import { mapShapes } from './src/report/charts/map.js';

const MAP_ID = 'virtual:concord-map';
const MAP_WIDTH = 960;
const MAP_HEIGHT = 560;

/** The map of Eurasia, projected once at build time. */
function concordMap(): Plugin {
  return {
    name: 'concord-map',
    resolveId: (id) => (id === MAP_ID ? `\0${MAP_ID}` : null),
    load(id) {
      if (id !== `\0${MAP_ID}`) return null;
      const shapes = mapShapes(
        loadWorldTopology(),
        [...loadDataset().countries.values()],
        MAP_WIDTH,
        MAP_HEIGHT,
      );
      return `export default ${JSON.stringify({ width: MAP_WIDTH, height: MAP_HEIGHT, shapes })};`;
    },
  };
}

const NODE_BUILTINS = new Set(builtinModules);

/** Fails the build when browser code imports a Node built-in module. */
function noNodeModules(): Plugin {
  return {
    name: 'concord-no-node-modules',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id.startsWith('node:') || NODE_BUILTINS.has(id)) {
        this.error(`${importer ?? '?'} imports "${id}": the web lab must not import Node modules`);
      }
      return null;
    },
  };
}

export default defineConfig(({ command }) => {
  // A production build even when called from a test runner that sets NODE_ENV=test.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: resolve(import.meta.dirname, 'web'),
    base: '/',
    plugins: [noNodeModules(), concordMap(), react()],
    build: {
      outDir: resolve(import.meta.dirname, 'web/dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
      // The map is projected at build time; a slow build on a busy machine is not a warning.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
    server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  };
});
