import { Window } from 'happy-dom';

/** What every payload tries to run: a person would never see it, so the tests look for its effect. */
const RAN = 'window.__ran=1';

/**
 * HTML a reporter might paste or import without knowing what is in it: scripts, event handlers,
 * script URLs, SVG and MathML tricks, CSS that runs code, refresh and base tags, and parser
 * confusion (mXSS). Each one carries Vietnamese text so the article is never empty.
 */
export const XSS_CORPUS: { name: string; html: string }[] = [
  { name: 'script element', html: `<p>Làng gốm Bát Tràng</p><script>${RAN}</script><script src="data:text/javascript,${RAN}"></script>` },
  { name: 'img onerror', html: `<p>Ảnh lỗi <img src="x" onerror="${RAN}"></p>` },
  { name: 'body and details handlers', html: `<body onload="${RAN}"><details open ontoggle="${RAN}"><summary>Xem thêm</summary></details><p onmouseover="${RAN}">Di chuột</p></body>` },
  { name: 'javascript: links', html: `<p><a href="javascript:${RAN}">Bấm</a> <a href=" JaVaScRiPt:${RAN}">hoa thường</a> <a href="jav&#x09;ascript:${RAN}">có tab</a> <a href="&#106;avascript:${RAN}">thực thể</a></p>` },
  { name: 'vbscript: and data: links', html: `<p><a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19yYW49MTwvc2NyaXB0Pg==">dữ liệu</a></p>` },
  { name: 'svg onload', html: `<svg onload="${RAN}"><circle r="5"/></svg><p>Hình SVG</p>` },
  { name: 'svg use href', html: `<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgb25sb2FkPSd3aW5kb3cuX19yYW49MScvPg==#x"/><use xlink:href="javascript:${RAN}"/></svg><p>Dùng lại</p>` },
  { name: 'svg foreignObject', html: `<svg><foreignObject><iframe src="javascript:${RAN}"></iframe><img src="x" onerror="${RAN}"></foreignObject></svg><p>Đối tượng lạ</p>` },
  { name: 'svg animate href', html: `<svg><a><animate attributeName="href" values="javascript:${RAN}"/><text y="20">Bấm vào chữ</text></a></svg>` },
  { name: 'iframe srcdoc', html: `<iframe srcdoc="<script>parent.__ran=1</script>"></iframe><p>Khung nhúng</p>` },
  { name: 'object and embed', html: `<object data="javascript:${RAN}"></object><embed src="data:text/html,<script>${RAN}</script>"><p>Nhúng</p>` },
  { name: 'CSS expressions', html: `<p style="width: expression(${RAN}); background: url(javascript:${RAN})">Kiểu chữ</p><div style="behavior: url(x.htc); -moz-binding: url(x.xml#x)">Hành vi</div>` },
  { name: 'style element', html: `<style>@import "javascript:${RAN}"; body { background: url("javascript:${RAN}") }</style><p>Bảng kiểu</p>` },
  { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${RAN}"><p>Làm mới</p>` },
  { name: 'base href', html: `<base href="javascript:${RAN}//"><p><a href="/tin-tuc">Đường dẫn tương đối</a></p>` },
  { name: 'form and autofocus', html: `<form action="javascript:${RAN}"><button formaction="javascript:${RAN}">Gửi</button><input onfocus="${RAN}" autofocus></form><p>Biểu mẫu</p>` },
  { name: 'noscript mXSS', html: `<noscript><p title="</noscript><img src=x onerror=${RAN}>"></noscript><p>Không kịch bản</p>` },
  { name: 'math mXSS', html: `<p>Toán</p><math><mtext><table><mglyph><style><img src=x onerror=${RAN}></style></mglyph></table></mtext></math>` },
  { name: 'template and link import', html: `<template><script>${RAN}</script></template><link rel="import" href="data:text/html,<script>${RAN}</script>"><p>Mẫu</p>` },
  { name: 'data: SVG picture', html: `<p><img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIG9ubG9hZD0nd2luZG93Ll9fcmFuPTEnLz4=">Ảnh SVG</p>` },
];

const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'codebase', 'values', 'to', 'from', 'content']);
/** noscript is here because its content parses differently with scripting on: the classic mutation-XSS carrier. */
const ACTIVE_ELEMENTS = new Set(['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'link', 'svg', 'math', 'template', 'foreignobject', 'animate', 'set', 'use']);
const SCRIPT_URL = /^(javascript|vbscript|livescript):|^data:(text\/html|image\/svg|text\/javascript|application\/(x-)?javascript)/;
const ACTIVE_CSS = /expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding|@import/i;

/**
 * Everything in the HTML that could run code or take the page somewhere: script-capable elements,
 * on* handlers, script URLs (as a browser would read them, control characters and case ignored),
 * srcdoc, refresh tags, and CSS that runs code. Empty means inert. The one script allowed is inert JSON data.
 */
export function executableParts(html: string): string[] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (ACTIVE_ELEMENTS.has(tag) && !(tag === 'script' && element.getAttribute('type') === 'application/json')) found.push(`<${tag}>`);
      // A page's own charset tag and style sheet are fine; refresh or policy tags and code-running CSS are not.
      if (tag === 'meta' && element.hasAttribute('http-equiv')) found.push(`<meta http-equiv="${element.getAttribute('http-equiv')}">`);
      if (tag === 'style' && ACTIVE_CSS.test(element.textContent ?? '')) found.push('<style> that runs code');
      for (const { name, value: raw } of Array.from(element.attributes)) {
        const attr = name.toLowerCase();
        const value = raw ?? '';
        // Browsers drop tabs, newlines and other control characters inside URLs before reading the scheme.
        const url = [...value].filter((ch) => ch.charCodeAt(0) > 0x20).join('').toLowerCase();
        if (attr.startsWith('on')) found.push(`<${tag} ${attr}>`);
        else if (attr === 'srcdoc') found.push(`<${tag} srcdoc>`);
        else if (URL_ATTRIBUTES.has(attr) && (SCRIPT_URL.test(url) || /url=(javascript|vbscript):/.test(url))) found.push(`<${tag} ${attr}="${value}">`);
        else if (attr === 'style' && ACTIVE_CSS.test(value)) found.push(`<${tag} style="${value}">`);
      }
    }
    return found;
  } finally {
    void window.happyDOM.close();
  }
}
