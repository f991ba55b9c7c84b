/**
 * The magazine website's look, inlined into the preview frame: the frame runs without scripts and
 * without the app's stylesheet, so everything it shows is styled from here.
 */
export const WEB_PREVIEW_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{background:#fff}
body{margin:0;padding:24px 28px 40px;font-family:"Noto Serif",Georgia,"Times New Roman",serif;color:#222;font-size:17px;line-height:1.65}
.lnv-web-article{max-width:760px;margin:0 auto}
.lnv-web-section{margin:0 0 10px;padding-bottom:6px;border-bottom:2px solid #b3261e;font-family:Arial,Helvetica,sans-serif;font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#b3261e}
.lnv-web-kicker{margin:0 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#555}
.lnv-web-title{margin:0 0 14px;font-size:30px;line-height:1.25;font-weight:700;color:#111}
.lnv-web-sapo{margin:0 0 18px;font-weight:700;font-size:17.5px;line-height:1.55}
.lnv-web-sapo strong{color:#b3261e}
.lnv-web-body p{margin:0 0 14px;text-align:justify}
.lnv-web-body h2{font-size:21px;margin:24px 0 10px}
.lnv-web-body h3{font-size:18px;margin:20px 0 8px}
.lnv-web-body a{color:#0b57a4}
.lnv-web-body blockquote{margin:18px 0;padding:4px 16px;border-left:3px solid #b3261e;font-style:italic;color:#444}
.lnv-figure{margin:20px 0;text-align:center}
.lnv-figure img{display:block;max-width:100%;height:auto;margin:0 auto;background:#eee}
.lnv-figure figcaption{margin-top:6px;font-family:Arial,Helvetica,sans-serif;font-size:14px;font-style:italic;color:#555;line-height:1.45}
.lnv-gallery{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:10px}
.lnv-pull-quote{font-size:20px;font-style:italic;text-align:center;border:0;border-top:1px solid #ddd;border-bottom:1px solid #ddd;padding:12px 0}
.lnv-related{margin:24px 0;padding:12px 16px;background:#f4f1ea;border-top:3px solid #b3261e}
.lnv-related-heading{margin:0 0 6px;font-family:Arial,Helvetica,sans-serif;font-weight:700;text-transform:uppercase;font-size:14px;color:#b3261e}
.lnv-related ul{margin:0;padding-left:18px}
.lnv-related a{color:#222;font-weight:700;text-decoration:none}
.lnv-web-byline{margin-top:20px;text-align:right;font-weight:700}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px}
@media (max-width:480px){body{padding:14px 14px 28px;font-size:16px}.lnv-web-title{font-size:24px}.lnv-web-sapo{font-size:16px}}
`;
