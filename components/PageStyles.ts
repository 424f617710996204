/**
 * The in-page overlay's own stylesheet, inside its shadow root: the page's
 * CSS cannot reach it and it cannot reach the page. Every box is
 * position:fixed (viewport coordinates), so none enters the page's flow.
 */
export const PAGE_OVERLAY_CSS = `
.ol{font:13px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#202124;letter-spacing:normal;text-align:left;}
.ol *{box-sizing:border-box;font:inherit;}
.sev-error{--c:#d93025;--ls:solid;}
.sev-warning{--c:#e37400;--ls:dashed;}
.sev-info{--c:#1a73e8;--ls:dotted;}
.sev-none{--c:#80868b;}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--c);margin-right:6px;flex:none;vertical-align:middle;}

/* Placed inline (panel-placement.ts): docked beside the report, dragged, or folded to a tab. Open over the report, at most the lower half of the viewport: a cell scrolled to the centre is never under it. */
.panel{position:fixed;width:320px;max-width:calc(100vw - 16px);max-height:min(calc(50vh - 40px),440px);display:flex;flex-direction:column;background:#fff;border:1px solid #dadce0;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);overflow:hidden;}
.panel.tab{width:30px;max-height:136px;border-radius:8px 0 0 8px;}
.panel.tab.left{border-radius:0 8px 8px 0;}
.panel.tab button{width:100%;height:100%;overflow:hidden;display:flex;flex-direction:row;justify-content:center;align-items:center;gap:6px;padding:10px 4px;border:0;border-radius:0;writing-mode:vertical-rl;font-weight:600;white-space:nowrap;}
.panel.tab.narrow{border-radius:3px;background:var(--c);border-color:var(--c);}
.panel.tab.narrow button{padding:0;}
.panel.tab.narrow .tab-brand,.panel.tab.narrow .tab-count{display:none;}
.tab-count{writing-mode:horizontal-tb;min-width:18px;padding:0 4px;border-radius:9px;background:var(--c);color:#fff;font-size:11px;line-height:18px;text-align:center;}
.head{display:flex;align-items:center;gap:8px;padding:6px 8px 6px 12px;background:#f8f9fa;border-bottom:1px solid #e8eaed;cursor:move;touch-action:none;user-select:none;-webkit-user-select:none;flex:none;}
.head button{cursor:pointer;}
.brand{font-weight:600;white-space:nowrap;flex:none;}
.counts{display:flex;flex-wrap:wrap;gap:0 8px;flex:1;min-width:0;font-size:12px;}
.count{display:inline-flex;align-items:center;white-space:nowrap;}
.count.zero{color:#80868b;}
button{cursor:pointer;border:1px solid transparent;background:none;border-radius:4px;color:inherit;padding:2px 6px;margin:0;}
button:hover{background:#f1f3f4;}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px;}
.icon{font-size:14px;line-height:1;padding:4px 6px;flex:none;}
.body{overflow:auto;padding:8px 12px 10px;}
.identity{margin:0 0 8px;display:grid;grid-template-columns:auto 1fr;gap:2px 8px;font-size:12px;}
.identity dt{color:#5f6368;margin:0;}
.identity dd{margin:0;}
.list{list-style:none;margin:0;padding:0;}
.list li{margin:0 0 4px;padding:0;}
.finding{display:flex;align-items:flex-start;width:100%;text-align:left;padding:4px 6px;border:1px solid #e8eaed;}
.finding .dot{margin-top:6px;}
.sev-warning .dot,.sev-warning.dot{border-radius:1px;transform:rotate(45deg) scale(.9);}
.sev-info .dot,.sev-info.dot{background:transparent;border:2px solid var(--c);box-sizing:border-box;}
.finding .msg{flex:1;min-width:0;white-space:normal;overflow-wrap:anywhere;}
.finding[aria-current=true]{border-color:#1a73e8;background:#e8f0fe;}
.current{margin:0 0 6px;font-size:12px;color:#5f6368;}
.finding.away{cursor:default;color:#5f6368;}
.finding.away:hover{background:none;}
.finding-actions{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:3px 0 0;font-size:12px;}
.finding-actions button{font-size:12px;padding:1px 6px;color:#1a73e8;}
.action-status{color:#5f6368;}
.citation-text{flex-basis:100%;min-height:4.5em;font:inherit;font-size:12px;resize:vertical;}
.legend{margin:0 0 8px;font-size:12px;color:#3c4043;}
.legend summary{cursor:pointer;color:#5f6368;width:max-content;}
.legend summary:focus-visible{outline:2px solid #1a73e8;outline-offset:1px;}
.legend ul{list-style:none;margin:4px 0 0;padding:0;display:grid;gap:3px;}
.legend li{display:flex;align-items:center;gap:8px;margin:0;}
.swatch{flex:none;display:inline-block;width:28px;height:16px;line-height:14px;font-size:10px;text-align:center;}
.swatch.mark{border:2px var(--ls) var(--c);background:color-mix(in srgb,var(--c) 12%,transparent);}
.term-swatch{border:1px dashed #1a73e8;background:rgba(26,115,232,.12);}
.fig-swatch{width:auto;padding:0 2px;font-size:12px;border-bottom:2px solid var(--c);}
.delta-swatch{width:auto;padding:0 3px;border:1px solid currentColor;border-radius:3px;color:#3c4043;}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}
.none{margin:0 0 6px;color:#188038;}
.unchecked{margin:0 0 6px;color:#5f6368;}
.unchecked-head{color:#5f6368;}
.pruned{margin:0 0 6px;color:#5f6368;font-size:12px;}
.history-unavailable{margin:0 0 6px;color:#5f6368;font-size:12px;}
.foot{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px;padding:6px 12px 8px;border-top:1px solid #e8eaed;flex:none;}
.foot button{font-size:12px;color:#5f6368;}
.hides{display:flex;flex-wrap:wrap;gap:2px;}
.export{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;}
.export select{font-size:12px;padding:1px 2px;border:1px solid #dadce0;border-radius:4px;background:#fff;color:#202124;margin:0;}
.foot .export button[data-action=export]{color:#fff;background:#1a73e8;border-color:#1a73e8;}
.foot .export button[data-action=export]:hover{background:#1765cc;}
.foot .export button[disabled]{opacity:.6;cursor:progress;}
.export-status{flex-basis:100%;font-size:12px;color:#5f6368;word-break:break-all;}
.export-status:empty{display:none;}
.export-status[data-export-status=failed]{color:#d93025;}

/* The page's bars (SideBar.tsx: a .panel, docked or opened from its tab); then 「检查附件 PDF」 (its bar and the panel's line) and 「核查本栏目全部年报」. */
.side-bar{max-height:min(calc(100vh - 32px),440px);}
.side-tab-mark{background:#1a73e8;}
/* A word, not a count: set along the tab like its brand, so an English word fits the 30 px tab. */
.column-tab-mark{writing-mode:vertical-rl;min-width:0;width:18px;padding:4px 0;}
.pdf-checks{margin:0 0 8px;font-size:12px;}
.pdf-note{margin:0 0 6px;color:#3c4043;}
.pdf-list{list-style:none;margin:0;padding:0;display:grid;gap:4px;}
.pdf-list li{margin:0;display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;}
.pdf-check{flex:none;font-size:12px;color:#fff;background:#1a73e8;border-color:#1a73e8;padding:2px 8px;}
.pdf-check:hover{background:#1765cc;}
.pdf-name{min-width:0;overflow-wrap:anywhere;color:#3c4043;}
.pdf-failed{margin:6px 0 0;color:#d93025;}
.column-offer{font-size:12px;}
.column-note{margin:0 0 6px;color:#3c4043;}
.column-audit{font-size:12px;color:#fff;background:#1a73e8;border-color:#1a73e8;padding:3px 10px;}
.column-audit:hover{background:#1765cc;}
.column-hint{margin:6px 0 0;color:#5f6368;line-height:1.5;}
.prev{margin:0 0 8px;padding:6px 8px;font-size:12px;background:#f1f3f4;border-radius:6px;}
.prev-text{margin:0;color:#3c4043;overflow-wrap:anywhere;}
.prev-link{color:#1a73e8;}
.prev-progress{display:flex;align-items:center;gap:6px;margin-top:4px;}
.prev-progress progress{flex:1;min-width:60px;height:8px;}
.prev-count{color:#5f6368;white-space:nowrap;}
.prev-other,.prev-choose{margin-top:4px;font-size:12px;color:#1a73e8;background:#fff;border:1px solid #dadce0;border-radius:4px;padding:2px 8px;cursor:pointer;}
.prev-other:hover,.prev-choose:hover{background:#e8f0fe;}
.prev-url{flex-basis:100%;color:#5f6368;font-size:11px;overflow-wrap:anywhere;}
.prev-list{list-style:none;margin:4px 0 0;padding:0;display:grid;gap:4px;}
.prev-list li{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;}
.prev-choose{text-align:left;overflow-wrap:anywhere;}
.prev-date,.prev-none{color:#5f6368;margin:4px 0 0;}

/* The card lets the pointer through: moving on to the next cell reaches that cell, never the card. */
.tip{position:fixed;max-width:min(420px,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:hidden;background:#fff;border:1px solid #dadce0;border-left:4px solid var(--c);border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.2);padding:8px 10px;pointer-events:none;}
.tip .item+.item{margin-top:8px;padding-top:8px;border-top:1px solid #e8eaed;}
.tip .sev{font-weight:600;color:var(--c);margin-right:4px;}
.tip .arith{margin-top:4px;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;font-size:12px;background:#f8f9fa;border-radius:4px;padding:3px 6px;white-space:pre-wrap;word-break:break-word;}
.tip .meta{margin-top:3px;font-size:12px;color:#5f6368;}
.tip .keys{margin-top:4px;font-size:11px;color:#5f6368;}
.tip .key-status{margin-top:2px;font-size:12px;color:#137333;}
.tip .likely{margin-top:4px;font-weight:600;color:var(--c);}
.tip .terms{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;font-size:12px;}
.tip .terms li{margin:0;padding:0;}
.tip .terms li::before{content:"";display:inline-block;width:8px;height:8px;margin-right:4px;background:rgba(26,115,232,.18);border:1px dashed #1a73e8;vertical-align:middle;}
.tip .terms .zeros{color:#5f6368;}
.tip .terms .zeros::before{display:none;}
.tip .quote{margin-top:4px;font-size:12px;color:#3c4043;border-left:2px solid #dadce0;padding-left:6px;}
.tip .quote-head{color:#5f6368;margin-right:4px;}
.tip .quote mark{background:none;color:inherit;font-weight:600;text-decoration:underline 2px var(--c);text-underline-offset:2px;}
.tip .action{margin-top:4px;font-size:12px;color:#1a73e8;}

/* A term of the shown arithmetic: lighter than a mark and dashed, so the marked cell stays the one that stands out. */
.term{position:fixed;box-sizing:border-box;pointer-events:none;border:1px dashed #1a73e8;background:rgba(26,115,232,.12);}
/* A contradicted figure of the text: underlined in place; stronger while its card is shown. */
.fig{position:fixed;box-sizing:border-box;pointer-events:none;border-bottom:2px solid var(--c);}
.fig.on{border-bottom-width:3px;background:color-mix(in srgb,var(--c) 14%,transparent);}

/* Beside the scrollbar: only the ticks take the pointer, the strip lets it through to the page. */
.markers{position:fixed;top:0;right:0;width:12px;height:100vh;pointer-events:none;}
.tick{position:absolute;left:2px;width:8px;height:8px;padding:0;margin:0;border:0;border-radius:0;background:var(--c);pointer-events:auto;cursor:pointer;box-shadow:0 0 0 1px #fff;}
.tick.sev-warning{clip-path:polygon(50% 0,100% 100%,0 100%);box-shadow:none;}
.tick.sev-info{border-radius:50%;}
.tick:hover{background:var(--c);transform:scale(1.5);}
.delta{position:fixed;transform:translate(-100%,0);font-size:10px;line-height:14px;padding:0 3px;border-radius:3px;background:rgba(255,255,255,.92);border:1px solid currentColor;pointer-events:none;white-space:nowrap;}
.delta{color:#3c4043;}
.hmark{position:fixed;box-sizing:border-box;pointer-events:none;border:2px var(--ls,solid) var(--c);background:color-mix(in srgb,var(--c) 12%,transparent);}
.flash{position:fixed;pointer-events:none;border:3px solid #1a73e8;border-radius:3px;animation:ogi-flash 1.5s ease-out forwards;}
@keyframes ogi-flash{0%{box-shadow:0 0 0 0 rgba(26,115,232,.6);opacity:1}70%{box-shadow:0 0 0 10px rgba(26,115,232,0);opacity:1}100%{opacity:0}}
@media (prefers-reduced-motion:reduce){.flash{animation:none;}}
`;
