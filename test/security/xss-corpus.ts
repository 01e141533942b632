// The XSS corpus: classic vectors as templates over a trap, so every (vector, field) pair calls the trap with its
// own key and a hit names both. A vector only counts as executed when the browser actually runs it: it calls
// `__xss(key)` (a binding the harness exposes), opens a dialog, or loads a URL on the loopback trap server.
//
// Add a vector by appending one entry. Keep payloads short (tag names and path components are limited to 255
// bytes) and keep the key in plain text somewhere in the payload: the harness checks that each payload reached
// the page by finding its key in the rendered text or attributes.

/** What a vector calls or loads when it runs; `key` is `<vector>.<field>`. */
export interface Trap {
  key: string;
  /** `__xss('key')` */
  js: string;
  /** `__xss(\`key\`)`: for contexts where both quote characters are taken. */
  jsTick: string;
  /** `http://127.0.0.1:<trap>/k/<key>`: loading it counts as execution. */
  url: string;
  /** The trap server's origin (for `<base href>`). */
  origin: string;
}

export interface XssVector {
  id: string;
  family: string;
  payload(t: Trap): string;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const decimalEntities = (text: string): string => [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
const hexEntitiesNoSemicolon = (text: string): string =>
  [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)}`).join('');

const v = (id: string, family: string, payload: (t: Trap) => string): XssVector => ({ id, family, payload });

/** At least 50 classic vectors, grouped by family. */
export const XSS_VECTORS: readonly XssVector[] = [
  // Script elements.
  v('script', 'script tag', (t) => `<script>${t.js}</script>`),
  v('script-src', 'script tag', (t) => `<SCRIPT SRC=${t.url}.js></SCRIPT>`),
  v('script-svg', 'script tag', (t) => `<svg><script>${t.js}</script></svg>`),
  v('script-nested', 'filter evasion', (t) => `<scr<script>ipt>${t.js}</scr</script>ipt>`),
  v('script-double-lt', 'filter evasion', (t) => `<<script>script>${t.js}<</script>/script>`),
  // Event handlers.
  v('img-onerror', 'event handler', (t) => `<img src=x onerror=${t.js}>`),
  v('img-onerror-unclosed', 'event handler', (t) => `<img src=x onerror=${t.js}//`),
  v('img-entity-js', 'event handler', (t) => `<img src="x:x" onerror="&#95;&#95;xss('${t.key}')">`),
  v('svg-onload', 'event handler', (t) => `<svg onload=${t.js}>`),
  v('svg-slash-onload', 'event handler', (t) => `<svg/onload=${t.js}>`),
  v('body-onload', 'event handler', (t) => `<body onload=${t.js}>`),
  v('input-autofocus', 'event handler', (t) => `<input autofocus onfocus=${t.js}>`),
  v('details-ontoggle', 'event handler', (t) => `<details open ontoggle=${t.js}>`),
  v('video-source', 'event handler', (t) => `<video><source onerror=${t.js}></video>`),
  v('audio-onerror', 'event handler', (t) => `<audio src=x onerror=${t.js}>`),
  v('marquee-onstart', 'event handler', (t) => `<marquee onstart=${t.js}>x</marquee>`),
  v('svg-animate', 'SVG', (t) => `<svg><animate onbegin=${t.js} attributeName=x dur=1s>`),
  // javascript: URLs, plain and obfuscated.
  v('js-url', 'javascript: URL', (t) => `javascript:${t.js}`),
  v('js-url-case', 'javascript: URL', (t) => `JaVaScRiPt:${t.js}`),
  v('js-url-tab', 'javascript: URL', (t) => `java\tscript:${t.js}`),
  v('js-url-newline', 'javascript: URL', (t) => `java\nscript:${t.js}`),
  v('js-href', 'javascript: URL', (t) => `<a href="javascript:${t.js}">x</a>`),
  v('js-href-tab-entity', 'javascript: URL', (t) => `<a href="jav&#x09;ascript:${t.js}">x</a>`),
  v('js-href-decimal', 'javascript: URL', (t) => `<a href="${decimalEntities('javascript:')}${t.js}">x</a>`),
  v('js-href-hex', 'javascript: URL', (t) => `<a href="${hexEntitiesNoSemicolon('javascript:')}${t.js}">x</a>`),
  v('js-href-leading-ctrl', 'javascript: URL', (t) => `<a href=" &#14;  javascript:${t.js}">x</a>`),
  v('js-iframe', 'javascript: URL', (t) => `<iframe src="javascript:${t.js}"></iframe>`),
  v('js-formaction', 'javascript: URL', (t) => `<form><button formaction=javascript:${t.js}>x</button></form>`),
  v('js-svg-xlink', 'SVG', (t) => `<svg><a xlink:href="javascript:${t.js}"><text y=20>x</text></a></svg>`),
  v(
    'js-mathml',
    'MathML',
    (t) => `<math><maction actiontype=statusline xlink:href="javascript:${t.js}">x</maction></math>`,
  ),
  // data: URLs.
  v('data-url', 'data: URL', (t) => `data:text/html;base64,${b64(`<script>${t.js}</script>`)}#${t.key}`),
  v('data-href', 'data: URL', (t) => `<a href="data:text/html,<script>${t.js}</script>">x</a>`),
  v(
    'data-object',
    'data: URL',
    (t) => `<object data="data:text/html;base64,${b64(`<script>${t.js}</script>`)}#${t.key}"></object>`,
  ),
  v(
    'data-embed-svg',
    'data: URL',
    (t) => `<embed src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${t.js}'/>">`,
  ),
  // Attribute breakouts.
  v('break-dq', 'attribute breakout', (t) => `"><script>${t.js}</script>`),
  v('break-sq', 'attribute breakout', (t) => `'><script>${t.js}</script>`),
  v('break-dq-handler', 'attribute breakout', (t) => `" onmouseover="${t.js}" autofocus onfocus="${t.js}" x="`),
  v('break-sq-handler', 'attribute breakout', (t) => `' autofocus onfocus='${t.jsTick}' x='`),
  v('break-backtick', 'attribute breakout', (t) => `\` autofocus onfocus=${t.js} x=\``),
  v('break-unquoted', 'attribute breakout', (t) => `x autofocus onfocus=${t.js}`),
  v('break-dq-img', 'attribute breakout', (t) => `"><img src=x onerror=${t.js}>`),
  // Element breakouts.
  v('break-title', 'element breakout', (t) => `</title><script>${t.js}</script>`),
  v('break-textarea', 'element breakout', (t) => `</textarea><script>${t.js}</script>`),
  v('break-script', 'element breakout', (t) => `</script><script>${t.js}</script>`),
  v('break-style', 'element breakout', (t) => `</style><img src=x onerror=${t.js}>`),
  v('break-noscript', 'element breakout', (t) => `</noscript><img src=x onerror=${t.js}>`),
  v('break-comment', 'element breakout', (t) => `--><img src=x onerror=${t.js}><!--`),
  v('break-cdata', 'element breakout', (t) => `]]><img src=x onerror=${t.js}>`),
  // Template injection: EJS that would only print active markup if data were ever evaluated as a template.
  v('ejs-raw', 'template injection', (t) => `<%- '<img src=x onerror=' + "${t.js}" + '>' %>`),
  v('ejs-escaped', 'template injection', (t) => `<%= "${t.key}" %><%- include('x') %>`),
  v('ejs-close', 'template injection', (t) => `%><img src=x onerror=${t.js}><%`),
  v('client-template', 'template injection', (t) => `{{constructor.constructor("${t.js}")()}}\${${t.js}}`),
  // mXSS: markup that the parser rewrites into something active after a sanitiser looked at it.
  v('mxss-noscript', 'mXSS', (t) => `<noscript><p title="</noscript><img src=x onerror=${t.js}>">`),
  v('mxss-math-style', 'mXSS', (t) => `<math><mtext><table><mglyph><style><img src=x onerror=${t.js}>`),
  v('mxss-svg-style', 'mXSS', (t) => `<svg></p><style><a id="</style><img src=1 onerror=${t.js}>">`),
  v('mxss-form-math', 'mXSS', (t) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${t.js}>`),
  v(
    'mxss-shadowroot',
    'mXSS',
    (t) => `<div><template shadowrootmode=open><img src=x onerror=${t.js}></template></div>`,
  ),
  // CSS.
  v('css-expression', 'CSS', (t) => `<p style="width:expression(${t.js})">x</p>`),
  v('css-url', 'CSS', (t) => `<div style="background:url(${t.url}.png)">x</div>`),
  v('css-import', 'CSS', (t) => `<style>@import '${t.url}.css';</style>`),
  v('css-link', 'CSS', (t) => `<link rel=stylesheet href=${t.url}.css>`),
  // Documents and navigation.
  v('meta-refresh', 'meta refresh', (t) => `<meta http-equiv="refresh" content="0;url=${t.url}">`),
  v('meta-refresh-js', 'meta refresh', (t) => `<meta http-equiv=refresh content="0;url=javascript:${t.js}">`),
  v('base-href', 'base href', (t) => `<base href="${t.origin}/k/${t.key}/">`),
  v('iframe-srcdoc', 'srcdoc iframe', (t) => `<iframe srcdoc="<script>${t.js}</script>"></iframe>`),
  v('iframe-src', 'srcdoc iframe', (t) => `<iframe src=${t.url}></iframe>`),
  v('img-trap', 'remote resource', (t) => `<img src="${t.url}.png">`),
  v('img-srcset', 'remote resource', (t) => `<img srcset="${t.url}.png 1x">`),
  // Unicode and encoding tricks (a normaliser or a double decode would turn them into markup).
  v('fullwidth', 'unicode', (t) => `\uff1cscript\uff1e${t.js}\uff1c/script\uff1e`),
  v('line-separator', 'unicode', (t) => `\u2028\u2029</script><script>${t.js}</script>`),
  v('json-unicode-escape', 'unicode', (t) => `\\u003cscript\\u003e${t.js}\\u003c/script\\u003e`),
  v('percent-encoded', 'encoding', (t) => `%3Cscript%3E${t.js}%3C/script%3E`),
  v('pre-escaped', 'encoding', (t) => `&lt;img src=x onerror=${t.js}&gt;`),
  v('zero-width', 'unicode', (t) => `<img src=x o\u200bnerror=${t.js}><svg onload\u00a0=${t.js}>`),
  // Markdown (for fields that go through a Markdown pipeline).
  v('md-link', 'Markdown', (t) => `[x](javascript:${t.js})`),
  v('md-link-entity', 'Markdown', (t) => `[x](&#106;avascript:${t.js}) ![y](javascript:${t.js})`),
  v('md-autolink', 'Markdown', (t) => `<javascript:${t.js}> <http://x.example/"onmouseover="${t.js}">`),
  v('md-reference', 'Markdown', (t) => `[x][r]\n\n[r]: javascript:${t.js}`),
];

/** The vector with this id (for failure messages and the report). */
export function vectorById(id: string): XssVector {
  const found = XSS_VECTORS.find((x) => x.id === id);
  if (!found) throw new Error(`no vector ${id}`);
  return found;
}
