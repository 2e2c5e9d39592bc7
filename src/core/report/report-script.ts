/**
 * The report's one script, as text: it reads the answer blocks (inert JSON,
 * see report-answers.ts) with JSON.parse and writes every value with
 * textContent, so nothing from a model or a file is ever parsed as HTML or
 * run; it only filters, searches and pages the answer table. Plain ES2017
 * with no dependencies, so the report works in any browser that opens it.
 *
 * Kept as a string rather than a compiled module: its SHA-256 goes into the
 * report's Content-Security-Policy (report-assets.ts), and a build step that
 * minified it would change the hash.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var metaEl = document.getElementById('answer-meta');
  var body = document.getElementById('answer-rows');
  var form = document.getElementById('answer-filters');
  if (!metaEl || !body || !form) return;
  var meta = JSON.parse(metaEl.textContent);
  var rows = [];
  var blocks = document.querySelectorAll('script.answers');
  for (var b = 0; b < blocks.length; b++) {
    var list = JSON.parse(blocks[b].textContent);
    for (var i = 0; i < list.length; i++) rows.push(list[i]);
  }
  var VERDICTS = {
    correct: '\\u2713 Correct',
    incorrect: '\\u2717 Incorrect',
    not_attempted: '\\u2013 Not attempted',
    failed: '! Failed',
    ungraded: '? Not graded'
  };
  var SOURCES = { override: 'person', judge: 'judge', deterministic: 'grader' };
  var PAGE = 100;
  var page = 0;
  var matching = rows;
  var hay = [];
  var field = function (id) { return document.getElementById(id); };
  var q = field('f-q');
  var run = field('f-run');
  var model = field('f-model');
  var condition = field('f-condition');
  var verdict = field('f-verdict');
  var count = field('answer-count');
  var prev = field('answer-prev');
  var next = field('answer-next');
  var multiRun = meta.runs.length > 1;

  function fill(select, labels) {
    for (var i = 0; i < labels.length; i++) {
      var option = document.createElement('option');
      option.value = String(i);
      option.textContent = labels[i];
      select.appendChild(option);
    }
  }
  fill(run, meta.runs);
  fill(model, meta.models);
  fill(condition, meta.conditions);
  if (!multiRun) run.parentNode.hidden = true;

  function text(r) {
    var item = meta.items[r[1]];
    return [item[0], item[1], item[2].join(' '), meta.models[r[2]], meta.conditions[r[3]], r[6], r[7]]
      .join('\\n').toLowerCase();
  }
  function number(value, digits) {
    return value === null ? '\\u2014' : value.toFixed(digits);
  }
  function cell(tr, value, className) {
    var td = document.createElement('td');
    td.textContent = value;
    if (className) td.className = className;
    tr.appendChild(td);
  }
  function render() {
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    if (page >= pages) page = pages - 1;
    var start = page * PAGE;
    var end = Math.min(matching.length, start + PAGE);
    body.textContent = '';
    for (var i = start; i < end; i++) {
      var r = matching[i];
      var item = meta.items[r[1]];
      var tr = document.createElement('tr');
      if (multiRun) cell(tr, meta.runs[r[0]]);
      cell(tr, item[0]);
      cell(tr, item[1], 'prompt');
      cell(tr, item[2].join('; '));
      cell(tr, meta.models[r[2]]);
      cell(tr, meta.conditions[r[3]]);
      cell(tr, r[7], 'answer');
      cell(tr, VERDICTS.hasOwnProperty(r[4]) ? VERDICTS[r[4]] : String(r[4]),
        VERDICTS.hasOwnProperty(r[4]) ? 'verdict v-' + r[4] : 'verdict');
      cell(tr, SOURCES.hasOwnProperty(r[5]) ? SOURCES[r[5]] : '');
      cell(tr, r[6], 'reason');
      cell(tr, number(r[8], 1), 'num');
      cell(tr, number(r[9], 0), 'num');
      body.appendChild(tr);
    }
    count.textContent = rows.length === 0
      ? 'No answers in this report.'
      : matching.length === 0
      ? 'No answers match (' + rows.length.toLocaleString('en') + ' in all).'
      : 'Answers ' + (start + 1).toLocaleString('en') + '\\u2013' + end.toLocaleString('en') + ' of ' +
        matching.length.toLocaleString('en') + ' matching (' + rows.length.toLocaleString('en') + ' in all).';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  function apply() {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var want = {
      run: run.value === '' ? -1 : Number(run.value),
      model: model.value === '' ? -1 : Number(model.value),
      condition: condition.value === '' ? -1 : Number(condition.value),
      verdict: verdict.value
    };
    matching = rows.filter(function (r, i) {
      if (want.run >= 0 && r[0] !== want.run) return false;
      if (want.model >= 0 && r[2] !== want.model) return false;
      if (want.condition >= 0 && r[3] !== want.condition) return false;
      if (want.verdict && r[4] !== want.verdict) return false;
      if (words.length === 0) return true;
      var h = hay[i] || (hay[i] = text(r));
      for (var w = 0; w < words.length; w++) if (h.indexOf(words[w]) < 0) return false;
      return true;
    });
    page = 0;
    render();
  }
  var timer = 0;
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  [run, model, condition, verdict].forEach(function (select) {
    select.addEventListener('change', apply);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  prev.addEventListener('click', function () { page--; render(); });
  next.addEventListener('click', function () { page++; render(); });
  form.hidden = false;
  render();
})();
`;
