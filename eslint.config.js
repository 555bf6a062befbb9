// `npm test` runs ESLint for one thing only: every web API the shipped
// JavaScript uses must work in every browser of the support policy (the
// "browserslist" query in package.json; README, "Browser support").
// eslint-plugin-compat checks each API against MDN's compatibility data.
// Syntax is held to the same policy by esbuild's `target` in scripts/build.mjs.
import compat from 'eslint-plugin-compat';

export default [
  {
    ...compat.configs['flat/recommended'],
    // Our sources, and wasm-bindgen's glue as the build ships it. node.js and
    // the Node-only loader are not for browsers.
    files: ['www/src/**/*.js', 'pkg/mailports.js', 'pkg/mailports_full.js'],
    ignores: ['www/src/node.js'],
    languageOptions: { ...compat.configs['flat/recommended'].languageOptions, ecmaVersion: 'latest', sourceType: 'module' },
    // Comments for other linters' rules are not this config's business.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
];
