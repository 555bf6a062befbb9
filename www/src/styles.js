// The element's one stylesheet, adopted by each shadow root (no <style>
// elements, no style attributes: fine under a strict CSP). Public knobs are the
// --mp-* custom properties; the page's own rules for them win over these.
// The coloured edge of a card is an inset shadow, not a one-sided border:
// WebKit draws a faint line of a one-sided border's colour round the
// opposite rounded corners.
const css = `
:host{--mp-bg:#fff;--mp-fg:#1b1f24;--mp-muted:#555e69;--mp-surface:#f3f5f8;--mp-border:#747d88;--mp-accent:#0a58b8;--mp-accent-fg:#fff;--mp-focus:#0a58b8;--mp-good:#16692e;--mp-warn:#8a5300;--mp-bad:#b3261e;--mp-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--mp-mono:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;--mp-radius:.5rem;--mp-space:1rem;--mp-font-size:1rem;
display:block;contain:content;color:var(--mp-fg);background:var(--mp-bg);font:var(--mp-font-size)/1.5 var(--mp-font);border:1px solid var(--mp-border);border-radius:var(--mp-radius);padding:var(--mp-space);min-height:16rem;color-scheme:light}
:host([theme=dark]){--mp-bg:#15191e;--mp-fg:#e8edf2;--mp-muted:#a4aeba;--mp-surface:#20262d;--mp-border:#7c8590;--mp-accent:#79b8ff;--mp-accent-fg:#0b1220;--mp-focus:#79b8ff;--mp-good:#6fdd8b;--mp-warn:#f0c060;--mp-bad:#ff9189;color-scheme:dark}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){--mp-bg:#15191e;--mp-fg:#e8edf2;--mp-muted:#a4aeba;--mp-surface:#20262d;--mp-border:#7c8590;--mp-accent:#79b8ff;--mp-accent-fg:#0b1220;--mp-focus:#79b8ff;--mp-good:#6fdd8b;--mp-warn:#f0c060;--mp-bad:#ff9189;color-scheme:dark}}
:host([hidden]){display:none}
:host([compact]){--mp-space:.6rem;min-height:12rem;font-size:.9375em}
*{box-sizing:border-box}
[hidden]{display:none!important}
.out>*+*{margin-top:calc(var(--mp-space)*.75)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
h2,h3,p,dl,dd,ul,fieldset{margin:0}
h2{font-size:1.125em}h3{font-size:1em}
[role=tablist]{display:flex;flex-wrap:wrap;gap:.25rem;border-bottom:1px solid var(--mp-border);margin-bottom:var(--mp-space)}
[role=tab]{font:inherit;color:var(--mp-muted);background:none;border:0;border-bottom:3px solid transparent;padding:.4rem .75rem;cursor:pointer;border-radius:var(--mp-radius) var(--mp-radius) 0 0}
[role=tab][aria-selected=true]{color:var(--mp-fg);border-bottom-color:var(--mp-accent);font-weight:600}
[role=tab]:hover{color:var(--mp-fg)}
:focus-visible{outline:3px solid var(--mp-focus);outline-offset:2px}
[role=tabpanel]{display:flow-root}[role=tabpanel]>*+*{margin-top:var(--mp-space)}
label,legend{font-weight:600}
.field>label{display:block;margin-bottom:.25rem}
.row{display:flex;flex-wrap:wrap;gap:var(--mp-space);align-items:end}
input,select{font:inherit;font-size:max(16px,1em);color:var(--mp-fg);background:var(--mp-bg);border:1px solid var(--mp-border);border-radius:calc(var(--mp-radius)*.75);padding:.45rem .6rem;min-height:2.5rem;max-width:100%}
input{width:100%}
button.b{font:inherit;font-size:.875em;color:var(--mp-accent);background:var(--mp-bg);border:1px solid var(--mp-accent);border-radius:calc(var(--mp-radius)*.75);padding:.15rem .6rem;min-height:1.75rem;min-width:1.75rem;cursor:pointer}
button.b:hover,button.b[data-done]{background:var(--mp-accent);color:var(--mp-accent-fg)}
button.link{font:inherit;color:var(--mp-accent);background:none;border:0;padding:0;text-decoration:underline;cursor:pointer;text-align:start}
.hint,.muted{color:var(--mp-muted);font-size:.9375em}
.old{font-style:italic}
.card{--edge:var(--mp-border);background:var(--mp-surface);border-radius:var(--mp-radius);padding:calc(var(--mp-space)*.75);padding-inline-start:calc(var(--mp-space)*.75 + 4px);box-shadow:inset 4px 0 var(--edge)}
.card:dir(rtl){box-shadow:inset -4px 0 var(--edge)}
.card.good{--edge:var(--mp-good)}.card.warn{--edge:var(--mp-warn)}.card.bad{--edge:var(--mp-bad)}
.card>*+*{margin-top:.5rem}
.cards{display:grid;gap:var(--mp-space);grid-template-columns:repeat(auto-fit,minmax(15rem,1fr))}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;align-items:center}
dt{color:var(--mp-muted)}
dd{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;min-width:0}
code{font-family:var(--mp-mono);font-size:.9375em;overflow-wrap:anywhere}
.verdict{font-weight:700}
.good .verdict{color:var(--mp-good)}.warn .verdict{color:var(--mp-warn)}.bad .verdict{color:var(--mp-bad)}
ul{padding-inline-start:1.25rem}li+li{margin-top:.25rem}
fieldset{border:1px solid var(--mp-border);border-radius:var(--mp-radius);padding:.5rem .75rem .75rem}
fieldset>.card{margin-top:.75rem}
.qs label{font-weight:400;display:flex;gap:.5rem;align-items:center;min-height:1.75rem}
input[type=radio]{flex:none;width:1.1rem;min-height:1.1rem;margin:0;accent-color:var(--mp-accent)}
.qs{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
details summary{cursor:pointer;color:var(--mp-accent)}
.sk{display:grid;gap:.75rem}.sk i{display:block;height:1.25rem;border-radius:var(--mp-radius);background:var(--mp-surface)}
.sk i:first-child{height:2.25rem;width:70%}.sk i:nth-child(3){height:2.5rem}.sk i:last-child{width:55%}
@media (prefers-reduced-motion:no-preference){.sk i{animation:p 1.2s ease-in-out infinite alternate}@keyframes p{to{opacity:.45}}button.b,[role=tab]{transition:background-color .15s,color .15s,border-color .15s}}
@media (forced-colors:active){[role=tab][aria-selected=true]{border-bottom-color:Highlight}.card{border:1px solid CanvasText}}
`;

let sheet;
/** The shared constructable stylesheet (created on first use). */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
