(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('home-data').textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function cell(row, text) {
    row.appendChild(el('td', null, text));
  }

  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    return a;
  }

  var facts = document.getElementById('facts');
  facts.appendChild(el('dt', null, 'signed in as'));
  facts.appendChild(el('dd', null, data.by + (data.canDecide ? ' (reviewer)' : ' (viewer: read only)')));
  var signOut = el('form', 'sign-out');
  signOut.method = 'post';
  signOut.action = '/logout';
  var token = el('input');
  token.type = 'hidden';
  token.name = data.csrf.name;
  token.value = data.csrf.value;
  signOut.appendChild(token);
  var button = el('button', null, 'Sign out');
  button.type = 'submit';
  button.id = 'sign-out';
  signOut.appendChild(button);
  document.querySelector('header').appendChild(signOut);

  var total = data.orgs.reduce(function (sum, org) { return sum + org.queued; }, 0);
  document.getElementById('queue-summary').textContent = total + (total === 1 ? ' group waits' : ' groups wait') + ' for a person'
    + (data.orgs.length ? ': ' + data.orgs.map(function (org) { return org.org + ' ' + org.queued; }).join(', ') : '')
    + '. Open one to approve or reject it; the next real run of its org merges what was approved. ';
  var work = link('/queue', 'Work the queue, one group a keystroke');
  work.id = 'open-queue';
  document.getElementById('queue-summary').appendChild(work);
  var queue = document.querySelector('#queue tbody');
  data.queue.forEach(function (group) {
    var row = el('tr', 'queued');
    row.setAttribute('data-org', group.org);
    row.setAttribute('data-key', group.key);
    cell(row, group.since);
    cell(row, group.org);
    cell(row, group.run);
    cell(row, group.reason);
    cell(row, group.names.join(' / '));
    var open = el('td');
    var review = link('/runs/' + encodeURIComponent(group.execution) + '#' + encodeURIComponent(group.key), 'Review');
    review.title = 'group ' + group.key;
    open.appendChild(review);
    row.appendChild(open);
    queue.appendChild(row);
  });

  var orgs = document.getElementById('orgs');
  data.orgs.forEach(function (org) {
    var box = el('section', 'org');
    box.setAttribute('data-org', org.org);
    box.appendChild(el('h3', null, org.org + ' \u2014 ' + org.queued + ' waiting for review'));
    var table = el('table', 'runs');
    var head = el('tr');
    ['run', 'kind', 'status', 'started', 'ended', 'groups', 'planned', 'merged', 'skipped', 'failed', 'pending',
      'left for a person'].forEach(function (name) { head.appendChild(el('th', null, name)); });
    table.appendChild(head);
    org.runs.forEach(function (run) {
      var row = el('tr');
      var open = el('td');
      open.appendChild(link('/runs/' + encodeURIComponent(run.execution), run.run));
      row.appendChild(open);
      [run.kind, run.status, run.started, run.ended, run.groups, run.planned, run.merged, run.skipped, run.failed,
        run.pending, run.review].forEach(function (value) { cell(row, value); });
      table.appendChild(row);
    });
    box.appendChild(table);
    orgs.appendChild(box);
  });
  // Each cell says its column, so that on a narrow screen a row reads as a card (run.css).
  Array.prototype.forEach.call(document.querySelectorAll('table.runs'), function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll('th'), function (th) { return th.textContent; });
    Array.prototype.forEach.call(table.querySelectorAll('tr'), function (row) {
      Array.prototype.forEach.call(row.querySelectorAll('td'), function (td, i) {
        td.setAttribute('data-label', names[i] || '');
      });
    });
  });
  document.body.setAttribute('data-ready', 'true');
}());
