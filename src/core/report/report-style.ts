/**
 * The report's stylesheet, as text (its SHA-256 is in the report's
 * Content-Security-Policy, see report-assets.ts). Light and dark follow the
 * reader's system; the colours are the app's (src/app.css, written with a media
 * query rather than light-dark() so older browsers read them too), by
 * condition kind and model, set on classes because the policy forbids style attributes.
 * Narrow screens scroll wide tables sideways instead of squeezing them.
 */
export const REPORT_STYLE = `
:root { color-scheme: light dark; --bg: #f7f7f5; --surface: #ffffff; --fg: #1b1c1e; --muted: #5c6168;
  --border: #d6d7d3; --accent: #1f5fa8; --ok: #1d7a3a; --bad: #b3261e; --warn: #8a5a00; --sim: #6b3fa0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171a; --surface: #1d2024; --fg: #e8e9ea; --muted: #a3a8ae; --border: #3a3f45;
    --accent: #7fb2ff; --ok: #6fd08c; --bad: #ff8a80; --warn: #f2c14e; --sim: #c9a2ff; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.25rem 3rem; font: 15px/1.45 system-ui, sans-serif; color: var(--fg);
  background: var(--bg); max-width: 1400px; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-top: 1px solid var(--border); padding-top: 1rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
.muted, caption { color: var(--muted); }
.note { font-size: 0.85rem; margin-top: 0; }
.badge { font-size: 0.75em; border: 1px solid var(--warn); color: var(--warn); border-radius: 3px; padding: 0 0.3rem; }
.gaps { list-style: none; padding: 0; margin: 0.25rem 0; }
.gaps li { margin: 0.2rem 0; }
.big { font-size: 1.35em; font-weight: 700; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; }
caption { text-align: left; }
th, td { border-bottom: 1px solid var(--border); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
thead th { vertical-align: bottom; }
.summary td, .faults td { white-space: nowrap; }
dl.env { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.env dt { color: var(--muted); }
dl.env dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; margin: 0; font-size: 0.9em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 34rem), 1fr)); gap: 1rem 2rem; }
figure { margin: 0.5rem 0; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg { display: block; width: 100%; height: auto; overflow: visible; }
svg text { fill: var(--fg); font-size: 12px; }
svg .group { font-weight: 600; }
svg .tick, svg .series { fill: var(--muted); }
svg .grid { stroke: var(--border); }
svg .axis { stroke: var(--muted); }
svg .whisker { stroke: var(--fg); stroke-width: 1.3; }
svg .faint { stroke-opacity: 0.6; }
.k-closed-book { fill: var(--warn); }
.k-context { fill: var(--accent); }
.k-tool { fill: var(--sim); }
.point { stroke-width: 2; fill-opacity: 0.9; }
.m0 { fill: var(--accent); stroke: var(--accent); }
.m1 { fill: var(--warn); stroke: var(--warn); }
.m2 { fill: var(--sim); stroke: var(--sim); }
.m3 { fill: var(--ok); stroke: var(--ok); }
.m4 { fill: var(--muted); stroke: var(--muted); }
.point.hollow { fill: var(--surface); }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; list-style: none; padding: 0; margin: 0.25rem 0; font-size: 0.85rem; }
.key { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: middle; }
.key-shape { fill: var(--fg); }
details table { font-size: 0.9rem; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0; }
form.filters label { display: grid; gap: 0.15rem; font-size: 0.9rem; }
input, select, button { font: inherit; color: inherit; background: var(--surface); border: 1px solid var(--border);
  border-radius: 4px; padding: 0.25rem 0.4rem; }
button:disabled { opacity: 0.5; }
.answers-table td { font-size: 0.9rem; }
.answers-table .answer, .answers-table .reason, .answers-table .prompt { white-space: pre-wrap; min-width: 14rem; max-width: 36rem; }
.answers-table .num { text-align: right; white-space: nowrap; }
.verdict { white-space: nowrap; font-weight: 600; }
.v-correct { color: var(--ok); }
.v-incorrect { color: var(--bad); }
.v-not_attempted, .v-ungraded { color: var(--muted); }
.v-failed { color: var(--warn); }
[hidden] { display: none !important; }
`;
