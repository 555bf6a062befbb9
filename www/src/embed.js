/*
 * One-tag embed for help-desk pages:
 *
 *   <script async src="https://your.host/mailports/embed.js"></script>
 *   <mail-ports></mail-ports>
 *
 * A classic script (not a module), so it can read its own URL from
 * document.currentScript while it runs; it then imports define.js from the
 * same folder, which registers <mail-ports>. The element loads the wasm from
 * that folder too, unless a `wasm-url` attribute says otherwise.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error('mailports: embed.js must be loaded with <script src=...>, not inlined or as a module');
    return;
  }
  var base = new URL('.', script.src);
  import(new URL('define.js', base).href).catch(function (e) {
    console.error('mailports: could not load the widget from ' + base.href + ': ' + e.message);
  });
})();
