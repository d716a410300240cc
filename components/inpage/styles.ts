// Stylesheet of our shadow root. `:host{all:initial}` cuts every inherited page style (WXT's reset);
// nothing here can reach the page, and the page's CSS cannot reach in.
// The mark icons are drawn in CSS: their shapes (a triangle with "!", a circle with "?") carry the meaning,
// not colour alone. As SVG background images each was an SVG document of its own, which the browser made
// inside the style recalculation of the layer's first render (≈ 10 ms per load on the realistic page).
export const LAYER_CSS = `
:host{all:initial!important;position:absolute!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483646!important;display:block!important}
*{box-sizing:border-box}
.root{font:13px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#202124}
.badge{position:absolute;pointer-events:none;font-size:11px;line-height:16px;padding:0 5px;border-radius:3px;white-space:nowrap;overflow:hidden;background:#7b1fa2;color:#fff;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.badge::before{content:"✎ "}
.mark-icon{position:absolute;pointer-events:none}
.mark-icon::before,.mark-icon::after{content:"";position:absolute}
.mark-icon[data-status="fail"]{background:#fff;clip-path:polygon(50% 0,100% 94%,0 94%)}
.mark-icon[data-status="fail"]::before{inset:0;background:#c5221f;clip-path:polygon(50% 11%,92% 87%,8% 87%)}
.mark-icon[data-status="fail"]::after{left:calc(50% - .7px);width:1.4px;top:31%;height:50%;background:linear-gradient(#fff 0 62%,transparent 62% 81%,#fff 81%)}
.mark-icon[data-status="uncertain"],.mark-icon[data-status="warn"]{border-radius:50%;background:radial-gradient(closest-side,#5f6368 0 82%,#fff 82% 94%,transparent 94%)}
.mark-icon[data-status="uncertain"]::before,.mark-icon[data-status="warn"]::before{content:"?";inset:0;color:#fff;font:bold 8px/12px Arial,"Liberation Sans",sans-serif;text-align:center}
@media (forced-colors:active){.badge,.mark-icon{forced-color-adjust:none}}
[part~="claim-box"]{position:absolute;pointer-events:none;border-bottom:2px wavy #c5221f;background:rgba(197,34,31,.15)}
[part~="claim-box"][data-status="warn"]{border-bottom:2px dashed #b06000;background:rgba(242,153,0,.18)}
[part~="chip"]{position:absolute;transform:translateY(-100%);margin:0;display:inline-flex;width:max-content;gap:4px;align-items:flex-start;max-width:520px;padding:2px 8px;border-radius:10px 10px 0 0;border:1px solid #dadce0;border-bottom:0;background:#fff;color:#202124;font:inherit;font-size:12px;line-height:18px;text-align:left;cursor:pointer;box-shadow:0 -1px 2px rgba(0,0,0,.12)}
[part~="chip"]:focus-visible{outline:3px solid #1a73e8;outline-offset:1px}
[part~="chip"][data-level="fail"]{border-color:#c5221f;color:#a50e0e}
[part~="chip"][data-level="ok"]{border-color:#188038;color:#137333}
[part~="chip"][data-level="uncertain"]{border-color:#5f6368}
[part~="chip"][data-level="missing"],[part~="chip"][data-level="error"]{border-radius:6px;border:1px solid #b06000;background:#fef7e0;color:#5f370e;transform:none;white-space:normal}
[part~="chip"][data-level="error"]{border-color:#c5221f;background:#fce8e6;color:#a50e0e}
.chip-icon{font-weight:700}
.chip-short{display:none;font-weight:700}
[part~="chip"][data-compact]{border-radius:10px;border-bottom:1px solid}
[part~="chip"][data-compact] .chip-short{display:inline}
[part~="chip"][data-compact] .chip-text{display:none}
.chip-detail{display:none;margin:2px 0 0;padding:0 0 0 1em;font-size:12px}
[part~="chip"]:hover .chip-detail,[part~="chip"]:focus .chip-detail{display:block}
[part~="tooltip"]{position:absolute;width:max-content;max-width:380px;padding:8px 10px;border-radius:6px;background:#fff;color:#202124;border:1px solid #bdc1c6;box-shadow:0 4px 14px rgba(0,0,0,.22);font-size:13px;line-height:1.55;pointer-events:auto}
[part~="tooltip"] ul{list-style:none;margin:0;padding:0}
[part~="tooltip"] .lead{margin:0 0 4px;font-weight:600;color:#6a1b9a}
[part~="finding"]{margin:0;padding:4px 0;border-top:1px solid #eee}
[part~="finding"]:first-child{border-top:0;padding-top:0}
.status{display:inline-block;margin-right:6px;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;color:#fff;background:#5f6368}
.status[data-status="fail"]{background:#c5221f}
.status[data-status="culprit"]{background:#7b1fa2}
.status[data-status="warn"]{background:#b06000}
.status[data-status="zero"]{background:#fff;color:#5f6368;border:1px dotted #5f6368}
.msg{display:block;white-space:pre-wrap;word-break:break-word}
.actions{display:flex;gap:6px;align-items:center;margin-top:4px;flex-wrap:wrap}
button.act{font:inherit;font-size:12px;padding:1px 8px;border:1px solid #1a73e8;border-radius:4px;background:#fff;color:#1a73e8;cursor:pointer}
button.act:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
button.act.primary{background:#1a73e8;color:#fff}
[part~="flagged"]{font-size:12px;color:#137333;font-weight:600}
[part~="flagged"]::before{content:"⚑ "}
input.note{font:inherit;font-size:12px;padding:1px 4px;border:1px solid #bdc1c6;border-radius:4px;min-width:14em}
[part~="navigator"]{position:fixed;right:12px;bottom:12px;display:flex;flex-wrap:wrap;gap:6px;align-items:center;max-width:calc(100vw - 24px);padding:6px 8px;border-radius:8px;background:#fff;border:1px solid #bdc1c6;box-shadow:0 4px 14px rgba(0,0,0,.22);font-size:13px}
[part~="navigator"] .hint{margin:0;flex-basis:100%}
.nav-pos{font-weight:600;font-variant-numeric:tabular-nums}
.hint{display:block;margin-top:4px;color:#80868b;font-size:11px}
.error{color:#a50e0e;font-size:12px}
`;

/**
 * Stylesheet of a keyboard anchor's shadow root (entrypoints/ondemand/layer.tsx): only the focusable marks.
 * The host also carries the same reset inline (`ANCHOR_STYLE`), so it never takes a place in the page.
 */
export const ANCHOR_CSS = `
:host{all:initial!important;position:absolute!important;display:block!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;pointer-events:none!important;z-index:2147483646!important}
[part~="target"]{position:absolute;margin:0;padding:0;border:0;background:transparent;pointer-events:none;cursor:default;border-radius:2px;font:inherit}
[part~="target"]:focus{outline:none}
[part~="target"]:focus-visible{outline:3px solid #1a73e8;outline-offset:1px}
@media print{[part~="target"]{display:none}}
`;

/** Inline style of a keyboard anchor host: out of flow, zero-size, above the table (for its focus ring). */
export const ANCHOR_STYLE =
  'all:initial!important;position:absolute!important;display:block!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;pointer-events:none!important;z-index:2147483646!important';
