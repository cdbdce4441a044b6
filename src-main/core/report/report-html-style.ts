// The HTML report's stylesheet, inlined: the file must open with no network and no other file.
// Light by default and always light on paper; dark only on screens that ask for it. Print
// rules keep each table row, chart and lineage graph whole and start the charts on a new page;
// runs hidden with the script stay hidden on paper, as they were on screen.

export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa; --accent: #0969da; --changed: #fff8c5; --changed-fg: #1f2328; }
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --panel: #151b23; --accent: #4493f8; --changed: #3b2e00; --changed-fg: #f0e0a0; }
  svg.chart .bg { fill: #0d1117; }
  svg.chart text { fill: #c9d1d9; }
  svg.chart .axes line { stroke: #3d444d; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 18px 0 6px; }
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.meta { color: var(--muted); margin: 0; }
nav.toc { margin: 12px 0 0; color: var(--muted); }
nav.toc a { margin-right: 12px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.missing { color: var(--muted); }
td.run { white-space: nowrap; }
tr.differs th { font-weight: 600; }
td.changed { background: var(--changed); color: var(--changed-fg); }
tbody.metric tr:first-child td, tbody.metric tr:first-child th { border-top: 2px solid var(--line); }
.best { color: #bf8700; }
td.delta.better { color: #1a7f37; }
td.delta.worse { color: #cf222e; }
.at { color: var(--muted); font-size: 11px; margin-left: 4px; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border: 1px solid var(--line); border-radius: 9px; color: var(--muted); margin-left: 6px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.swatch.toggle { cursor: pointer; }
.swatch.off, .legend-item.off { opacity: 0.3; }
.tags { margin: 0; padding: 0; list-style: none; }
.tags li { overflow-wrap: anywhere; }
table.runs { width: 100%; }
.run-name { white-space: nowrap; font-weight: 600; }
code.id { color: var(--muted); font-size: 11px; }
td.times { white-space: nowrap; font-size: 11px; }
td.source code { word-break: break-all; font-size: 11px; }
#charts figure, #lineage figure { margin: 0 0 16px; }
svg.chart, #lineage svg { max-width: 100%; height: auto; display: block; }
#lineage svg { border-radius: 6px; }
svg .legend-item { cursor: pointer; }
svg .series.off { display: none; }
.chart-box { position: relative; }
#report-tooltip { position: fixed; pointer-events: none; z-index: 10; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.15); white-space: nowrap; }
#report-tooltip .row { display: flex; align-items: center; gap: 6px; }
#report-tooltip .value { margin-left: auto; padding-left: 12px; font-variant-numeric: tabular-nums; }
.note { color: var(--muted); }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { color-scheme: light; }
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  #charts { break-before: page; page-break-before: always; }
  tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 10px; }
  nav.toc, .download, #report-tooltip { display: none; }
  a { color: inherit; text-decoration: none; }
  .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  td.changed { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
