"""The one-page edition's own stylesheet, inlined into the file: reading styles and print."""

STYLESHEET = """\
:root {
  --text: #1d1d1d; --muted: #666; --accent: #b71c1c; --rule: #ddd; --mark: rgba(198, 40, 40, .55);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #a0a0a0; --accent: #ff8a65; --rule: #444; }
  body { background: #1e1e1e; }
  :root .ed-view { --sea: #18232e; --land: #2b2e35; --home: #3b3528; --border: #80878f; --lake: #2c4a61;
                   --grid: rgba(255, 255, 255, .07); --band: rgba(255, 255, 255, .05); --bg: #1e1e1e; }
}
body {
  margin: 0 auto; padding: 1.5rem 1.2rem 4rem; max-width: 40rem; color: var(--text);
  font: 1.05rem/1.65 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
}
a { color: var(--accent); }
h1, h2, h3, h4, h5 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { margin-top: 2.5em; }
.front { border-bottom: 2px solid var(--rule); padding-bottom: 1em; }
.edition-title { font: 600 .9rem system-ui, sans-serif; letter-spacing: .04em; text-transform: uppercase; }
.subtitle, .editorial-title, .entity-kind, .kind-label { color: var(--muted); font-style: italic; }
.licence { font-size: .85rem; color: var(--muted); }
.contents-title { font: 600 1rem system-ui, sans-serif; }
/* A paragraph's number in a gutter on its left, outside its text (as on the site). */
.para { display: grid; grid-template-columns: 2.4rem minmax(0, 1fr); grid-template-areas: ". label" "num text"; }
.para > .margin { grid-area: num; text-align: right; padding-right: .5rem; }
.para > .kind-label { grid-area: label; }
.para > p { grid-area: text; margin-top: 0; hyphens: auto; }
.para.has-tr { grid-template-areas: ". label" "num text" "num tr"; }
.para > .tr, .heading-pair > .tr { grid-area: tr; margin-top: -.4em; padding-left: .8em; border-left: 2px solid #bbb; }
.heading-pair > .tr { font-style: italic; }
.transmitted > h1, .transmitted > h2, .transmitted > h3 { margin-left: 2.4rem; }
a.pn {
  display: inline-block; min-width: 24px; min-height: 24px; color: var(--muted);
  font: .75rem/24px ui-monospace, Menlo, monospace; text-decoration: none;
}
.kind-label { display: block; font-size: .8rem; }
p.caption { font-style: italic; border-left: 3px solid var(--muted); padding-left: .8em; }
p.duplicate { color: var(--muted); border-left: 3px dashed var(--muted); padding-left: .8em; }
p.dateline { text-align: right; font-style: italic; }
p.note { font-size: .9em; border-top: 1px solid var(--rule); padding-top: .6em; }
a.mention { color: inherit; text-decoration: underline dotted var(--accent); text-underline-offset: .2em; }
.date { border-bottom: 1px dashed var(--mark); }
.quotation { background: rgba(255, 193, 7, .14); }
.sic { text-decoration: underline wavy var(--mark); }
.figure { border-bottom: 1px solid rgba(33, 150, 243, .5); }
.gap { color: var(--accent); font-weight: 700; padding: 0 .1em; }
.gap::before { content: "⟨…⟩"; }
sup.nref { font: .7rem system-ui, sans-serif; }
sup.nref a { text-decoration: none; padding: 0 .15em; }
.apparatus { font-size: .9rem; border-top: 2px solid var(--rule); margin-top: 2.5em; }
mark { background: rgba(255, 193, 7, .35); color: inherit; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid var(--rule); padding: .25em .5em; vertical-align: top; text-align: left; }
/* The chart of the counts of the dead (Figures): a strip per comparison, marks in percentages. */
figure.counts-chart { margin: 1em 0 2em; font: .85rem/1.4 system-ui, sans-serif; }
.cc-rows { list-style: none; margin: 0; padding: 0; }
.cc-row { margin: 0 0 .7em; }
.cc-label { display: block; font-weight: 600; }
.cc-values { display: block; color: var(--muted); }
figure.counts-chart svg { display: block; overflow: visible; }
.cc-rule, .cc-axis line { stroke: var(--rule); }
.cc-axis text { fill: var(--text); font-size: 12px; }
.cc-same, .cc-later { stroke: var(--text); stroke-width: 1.5; }
.cc-same { fill: var(--text); }
.cc-later { fill: none; }
.cc-article { stroke: var(--accent); stroke-width: 4; }
/* The views (maps, timeline, sources): sizes are in the SVG, colours here. */
figure.ed-map, figure.ed-timeline, figure.ed-sources { margin: 1em 0 2em; }
.ed-panel { margin: 0 0 1em; }
.ed-panel > figcaption { font: 600 .85rem system-ui, sans-serif; }
figure.ed-map > figcaption, .ed-timeline figcaption, .ed-sources figcaption { font-size: .8rem; color: var(--muted); }
.ed-view {
  display: block; width: 100%; height: auto; max-width: 34rem; font-family: system-ui, sans-serif;
  --sea: #dce8f0; --land: #f3f0e8; --home: #fff6dc; --border: #8a8a8a; --lake: #b3cfe3;
  --grid: rgba(0, 0, 0, .08); --band: rgba(0, 0, 0, .05); --bg: #fff;
}
#places-map-continent .ed-view { max-width: 14rem; }
.ed-view .sea { fill: var(--sea); }
.ed-view .ground, .ed-view .land { fill: var(--land); }
.ed-view .land { stroke: var(--border); stroke-width: .6; stroke-linejoin: round; }
.ed-view .home { fill: var(--home); stroke: var(--muted); stroke-width: .9; }
.ed-view .lake { fill: var(--lake); stroke: var(--border); stroke-width: .4; }
.ed-view .grid { fill: none; stroke: var(--grid); }
.ed-view .band { fill: var(--band); }
.ed-view .bar, .ed-view .axis, .ed-view .vk { fill: none; stroke: var(--muted); stroke-width: .8; }
.ed-view .vl { fill: var(--text); }
.ed-view .bl { fill: var(--muted); font-style: italic; }
.ed-view .sh { font-weight: 600; }
.ed-view .vm { fill: var(--accent); stroke: var(--bg); stroke-width: 1; }
.ed-view .vm.area { fill: none; stroke: var(--accent); stroke-dasharray: 2 2; }
.ed-view .vm.city, .ed-view .vm.inset { fill: none; stroke: var(--accent); stroke-width: 1.6; }
.ed-view .vm.inset { stroke: var(--text); stroke-width: 1.2; }
.ed-view .vm.approx { fill: var(--bg); stroke: var(--accent); stroke-width: 1.2; stroke-dasharray: 2.5 1.5; }
.ed-view .vm.later { fill: none; stroke: var(--text); }
.ed-view .q.named { fill: var(--text); stroke: none; }
.ed-view .q.lost { fill: var(--accent); stroke: none; }
.ed-view .q.none { fill: var(--bg); stroke: var(--muted); }
.ed-view .strike { stroke: var(--bg); stroke-width: 1.5; }
.ed-view .today { stroke: var(--accent); stroke-width: 1.5; }

@media print {
  @page { margin: 2cm 2cm 2.2cm; }
  :root { --text: #000; --muted: #444; --accent: #000; --rule: #999; }
  .ed-view { --sea: #fff; --land: #fff; --home: #f2f2f2; --bg: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; background: none; }
  .front nav { display: none; }
  section.part, #apparatus { break-before: page; }  /* parts; the article's notes */
  h1, h2, h3, h4 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  a.pn[data-permalink]::after { content: " <" attr(data-permalink) ">"; font-size: .85em; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; word-break: break-all; }
  .quotation, mark { background: none; }
  table, figure { break-inside: avoid; }
}
"""
