(function () {
  'use strict';
  // The run's page, its facts and counts: the header (org, run, status, times, policy, listing), the
  // counts by status, by reason and of the follow-ups, and the chart. The list of groups and the
  // decisions are run.js's; this file is loaded first and lends it el(), the one way the page makes
  // an element (text only: everything a group carries is set by the public).
  var data = JSON.parse(document.getElementById('run-data').textContent);
  var review = data.review || null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fact(list, label, value) {
    list.appendChild(el('dt', null, label));
    list.appendChild(el('dd', null, value));
  }

  function renderHeader() {
    var run = data.run;
    document.getElementById('title').textContent = 'Run ' + run.run + ' of org ' + run.org + ': ' + run.kind;
    var facts = document.getElementById('facts');
    fact(facts, 'org', run.org);
    fact(facts, 'run (job instance)', run.run);
    fact(facts, 'job execution', run.execution);
    fact(facts, 'kind', run.kind);
    fact(facts, 'status', run.status);
    fact(facts, 'started', run.started);
    fact(facts, 'ended', run.ended);
    fact(facts, 'duration', run.duration);
    fact(facts, 'policy', run.policy);
    fact(facts, 'listing', run.listing);
    fact(facts, 'left for a person', run.review);
    if (run.applied) {
      // A plan taken up by an apply run: its planned groups take no more decisions.
      var applied = document.getElementById('applied');
      applied.textContent = run.applied + '. ';
      if (review) {
        var open = el('a', null, 'Open the apply run');
        open.href = '/runs/' + encodeURIComponent(run.appliedExecution);
        applied.appendChild(open);
      }
      applied.hidden = false;
    }
    if (data.omitted > 0) {
      var notice = document.getElementById('notice');
      notice.textContent = 'This page shows ' + data.shown + ' of the run\u2019s ' + data.total + ' groups: the failed, '
        + 'pending, unsettled, changed-since-review, waiting-for-review, planned and merged groups first. The ' + data.omitted
        + ' left out are all in the CSV: ' + data.csvCommand;
      notice.hidden = false;
    }
  }

  function countsTable(title, counts) {
    var box = el('div');
    box.appendChild(el('h2', null, title));
    var table = el('table', 'counts');
    Object.keys(counts).sort().forEach(function (name) {
      var row = el('tr');
      row.appendChild(el('td', null, name));
      var n = el('td', 'n', counts[name]);
      n.setAttribute('data-count', name);
      row.appendChild(n);
      table.appendChild(row);
    });
    box.appendChild(table);
    return box;
  }

  function chart(counts) {
    var ns = 'http://www.w3.org/2000/svg';
    var names = Object.keys(counts).sort();
    var max = Math.max.apply(null, names.map(function (n) { return counts[n]; }).concat([1]));
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'chart');
    // The labels' column is as wide as NEEDS_REVIEW at 12 px; the chart shrinks with a narrow window.
    svg.setAttribute('viewBox', '0 0 380 ' + (names.length * 22 + 4));
    svg.setAttribute('width', '380');
    svg.setAttribute('height', String(names.length * 22 + 4));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'groups by status');
    names.forEach(function (name, i) {
      var label = document.createElementNS(ns, 'text');
      label.setAttribute('x', '0');
      label.setAttribute('y', String(i * 22 + 15));
      label.textContent = name;
      var bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', '110');
      bar.setAttribute('y', String(i * 22 + 3));
      bar.setAttribute('height', '16');
      bar.setAttribute('width', String(Math.max(1, Math.round(200 * counts[name] / max))));
      bar.setAttribute('class', 'bar-' + name);
      var value = document.createElementNS(ns, 'text');
      value.setAttribute('x', String(116 + Math.round(200 * counts[name] / max)));
      value.setAttribute('y', String(i * 22 + 15));
      value.textContent = String(counts[name]);
      svg.appendChild(label);
      svg.appendChild(bar);
      svg.appendChild(value);
    });
    return svg;
  }

  function renderGlance() {
    var glance = document.getElementById('glance');
    var byStatus = countsTable('Groups by status', data.counts.byStatus);
    byStatus.id = 'by-status';
    byStatus.appendChild(chart(data.counts.byStatus));
    glance.appendChild(byStatus);
    var byReason = countsTable('Skipped, failed and waiting for review, by reason', data.counts.byReason);
    byReason.id = 'by-reason';
    glance.appendChild(byReason);
    var followUps = countsTable('Follow-up updates', data.counts.followUps);
    followUps.id = 'follow-ups';
    glance.appendChild(followUps);
  }

  window.inventDedupRunPage = { el: el, fact: fact };
  renderHeader();
  renderGlance();
}());
