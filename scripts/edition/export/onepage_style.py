"""The one-page edition's own stylesheet, inlined into the file: reading styles and print."""

STYLESHEET = """\
:root {
  --text: #1d1d1d; --muted: #666; --accent: #b71c1c; --rule: #ddd; --mark: rgba(198, 40, 40, .55);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #a0a0a0; --accent: #ff8a65; --rule: #444; }
  body { background: #1e1e1e; }
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
.transmitted > p { hyphens: auto; }
a.pn {
  display: inline-block; min-width: 2.2em; margin-right: .25em; color: var(--muted);
  font: .75rem/1 ui-monospace, Menlo, monospace; text-decoration: none;
}
a.pn::before { content: "¶\\00a0"; }
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
sup.nref { font: .7rem system-ui, sans-serif; }
sup.nref a { text-decoration: none; padding: 0 .15em; }
.apparatus { font-size: .9rem; border-top: 2px solid var(--rule); margin-top: 2.5em; }
mark { background: rgba(255, 193, 7, .35); color: inherit; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid var(--rule); padding: .25em .5em; vertical-align: top; text-align: left; }
.map svg { width: 100%; max-width: 32rem; }
.map circle { fill: var(--accent); }
.map text { font: 11px system-ui, sans-serif; fill: var(--text); }
.map .grid { stroke: var(--rule); }

@media print {
  @page { margin: 2cm 2cm 2.2cm; }
  :root { --text: #000; --muted: #444; --accent: #000; --rule: #999; }
  body { max-width: none; padding: 0; font-size: 11pt; background: none; }
  .front nav { display: none; }
  section.part, .apparatus + .transmitted { break-before: page; }  /* parts; article sections */
  h1, h2, h3, h4 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  a.pn[data-permalink]::after { content: " <" attr(data-permalink) ">"; font-size: .85em; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; word-break: break-all; }
  .quotation, mark { background: none; }
  table, figure { break-inside: avoid; }
}
"""
