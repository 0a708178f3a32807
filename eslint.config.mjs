// ESLint (flat config) for HLD Prep's own JavaScript: `npm run lint:js`. The recommended rules of
// @eslint/js, with the globals of where each file runs. Camunda's own webapp code is not in this
// repository; only the scripts that HLD Prep serves in its place or beside it are linted.
import js from '@eslint/js';
import globals from 'globals';

const WEBAPP = 'src/main/resources/META-INF/resources/webjars/camunda/app';

export default [
  {
    // Build output (target/ holds copies of the webapp scripts), local data, installed packages.
    ignores: ['target/**', 'data/**', 'node_modules/**'],
  },
  {
    files: [`${WEBAPP}/**/*.js`, 'scripts/**/*.mjs', '*.mjs'],
    ...js.configs.recommended,
  },
  {
    // Cockpit and Tasklist (Camunda 7.24) load config.js and every customScripts entry as an ES module
    // in the browser (`export default` of the plugin list or the configuration): browser globals only.
    files: [`${WEBAPP}/**/*.js`],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
  },
  {
    // Node scripts run by npm (scripts/*.mjs) and this file.
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    // importAndCheck() and the zoom callback are sent by playwright into the headless page and run
    // there, where `window` is the page's.
    files: ['scripts/render-diagrams.mjs'],
    languageOptions: {
      globals: { window: 'readonly' },
    },
  },
];
