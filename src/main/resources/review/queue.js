(function () {
  'use strict';
  // The queue: one group shown whole at a time, decided by a keystroke (or its button), the next one
  // shown at once. Decisions go to /api/decisions as JSON; the page is never reloaded. Everything a
  // group carries is set by the public: it is put on the page as text only.
  var data = JSON.parse(document.getElementById('queue-data').textContent);
  var groups = data.groups.map(function (group) {
    group.state = group.state || 'UNDECIDED';
    group.loaded = group.state;
    group.said = group.decision || null;
    group.selected = false;
    return group;
  });
  var filter = 'UNDECIDED';
  var current = groups.length ? groups[0] : null;
  var undoable = [];
  var busy = false;
  var parts = window.inventDedupQueue;
  var el = parts.el;
  var plural = parts.plural;
  var names = parts.names;
  var member = parts.member;
  var reasons = parts.reasons;

  function shown() {
    return groups.filter(function (group) { return filter === 'ALL' || group.state === filter; });
  }

  function status(text, refused, undo) {
    var line = document.getElementById('status');
    line.textContent = text;
    line.className = refused ? 'refused' : '';
    if (undo) {
      var button = el('button', null, 'Undo this (z)');
      button.type = 'button';
      button.id = 'undo';
      button.addEventListener('click', undoLast);
      line.appendChild(button);
    }
  }

  function summary() {
    document.getElementById('summary').textContent = parts.summary(data, groups);
  }

  function filters() {
    parts.filters(data, groups, filter, function (chosen) {
      filter = chosen;
      var list = shown();
      current = list.indexOf(current) >= 0 ? current : (list[0] || null);
      render();
    });
  }


  function list() {
    var ol = document.getElementById('list');
    ol.textContent = '';
    shown().forEach(function (group) {
      var li = el('li', (group === current ? 'current' : '') + (group.state !== 'UNDECIDED' ? ' decided' : ''));
      li.setAttribute('data-key', group.key);
      var box = el('input');
      box.type = 'checkbox';
      box.checked = group.selected;
      box.title = 'select (x)';
      box.addEventListener('click', function (event) {
        event.stopPropagation();
        group.selected = box.checked;
        bulk();
      });
      li.appendChild(box);
      li.appendChild(document.createTextNode(' ' + names(group).join(' / ')));
      li.appendChild(el('span', 'state', group.state === 'UNDECIDED' ? group.since : group.state));
      li.addEventListener('click', function () {
        current = group;
        render();
      });
      ol.appendChild(li);
      if (group === current) {
        li.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  function card() {
    var box = document.getElementById('card');
    box.textContent = '';
    if (!current) {
      box.removeAttribute('data-key');
      box.appendChild(el('p', null, filter === 'UNDECIDED' ? 'Nothing left to decide here: the queue is clear.'
        : 'No group in this filter.'));
      return;
    }
    var group = current;
    box.setAttribute('data-key', group.key);
    var title = el('h2', null, names(group).join(', '));
    box.appendChild(title);
    box.appendChild(el('p', 'key', 'group ' + group.key));
    var badge = el('span', 'badge ' + group.state,
      group.state === 'UNDECIDED' ? 'UNDECIDED' : group.said.replace(/^\S+/, group.state));
    badge.id = 'badge';
    box.appendChild(badge);
    box.appendChild(el('p', null, 'Org ' + group.org + ', run ' + group.run + ' (job execution ' + group.execution
      + '); waiting since ' + group.since + '. Why a person decides: ' + (group.reason || '') + (group.detail ? ': ' + group.detail : '')));
    if (group.matchedOn && group.matchedOn.length) {
      box.appendChild(el('p', null, 'Invent matched them on: ' + group.matchedOn.map(function (m) { return (m.type || '') + ' ' + (m.userId || ''); }).join('; ')));
    }
    var members = el('div', 'members');
    group.members.forEach(function (contact) { members.appendChild(member(group, contact)); });
    box.appendChild(members);
    var actions = el('div', 'actions');
    var action = parts.action;
    if (group.state === 'UNDECIDED') {
      actions.appendChild(action('approve', 'Approve', 'a', group.effects.approve, function () { decide('approve'); },
        data.canDecide));
      actions.appendChild(action('reject', 'Reject', 'r', group.effects.reject, function () { decide('reject'); },
        data.canDecide));
      actions.appendChild(action('skip', 'Skip', 's', group.effects.skip, skip, true));
    }
    else {
      var undo = group.state === 'APPROVED' ? 'unapprove' : 'unreject';
      actions.appendChild(action('take-back', 'Take back', 'u', 'The group waits for a person again; nothing of it '
        + 'was merged by this decision yet', takeBack, data.canDecide));
    }
    box.appendChild(actions);
    if (group.state === 'UNDECIDED') { box.appendChild(parts.effects(group)); }
    bulk();
  }

  function bulk() {
    var box = document.getElementById('card');
    var old = document.getElementById('bulk');
    if (old) { old.remove(); }
    var selected = groups.filter(function (group) { return group.selected && group.state === 'UNDECIDED'; });
    var bar = el('div', 'bulk');
    bar.id = 'bulk';
    var undecided = shown().filter(function (g) { return g.state === 'UNDECIDED'; }).length;
    if (undecided) {
      var every = el('button', null, 'Select every undecided group shown (' + undecided + ')');
      every.type = 'button';
      every.id = 'select-all';
      every.addEventListener('click', function () {
        shown().forEach(function (group) { group.selected = group.state === 'UNDECIDED'; });
        render();
      });
      bar.appendChild(every);
    }
    if (selected.length) {
      [['approve', 'Approve'], ['reject', 'Reject']].forEach(function (b) {
        var button = el('button', null, b[1] + ' the ' + plural(selected.length, 'selected group', 'selected groups'));
        button.type = 'button';
        button.id = 'bulk-' + b[0];
        button.disabled = !data.canDecide;
        button.addEventListener('click', function () { decideSelected(b[0]); });
        bar.appendChild(button);
      });
      var none = el('button', null, 'Clear the selection');
      none.type = 'button';
      none.addEventListener('click', function () {
        groups.forEach(function (group) { group.selected = false; });
        render();
      });
      bar.appendChild(none);
    }
    box.appendChild(bar);
  }

  function render() {
    summary();
    filters();
    list();
    card();
  }

  function next(from) {
    var list = shown();
    var start = groups.indexOf(from);
    for (var i = 1; i <= groups.length; i++) {
      var candidate = groups[(start + i) % groups.length];
      if (candidate.state === 'UNDECIDED' && list.indexOf(candidate) >= 0) { return candidate; }
    }
    return list.indexOf(from) >= 0 ? from : (list[0] || null);
  }

  function move(step) {
    var list = shown();
    if (!list.length) { return; }
    var at = list.indexOf(current);
    current = list[Math.max(0, Math.min(list.length - 1, (at < 0 ? 0 : at + step)))];
    render();
  }

  function skip() {
    if (!current) { return; }
    var skipped = current;
    current = next(current);
    status('Skipped group ' + skipped.key + ': nothing recorded; it stays in the queue.', false, false);
    render();
  }

  function decide(decision) {
    if (!current || current.state !== 'UNDECIDED') { return; }
    var why = reasons.reasonFor(decision, status);
    if (why) { send(decision, [current], why, decision === 'approve' ? 'approved' : 'rejected'); }
  }

  function decideSelected(decision) {
    var selected = groups.filter(function (group) { return group.selected && group.state === 'UNDECIDED'; });
    if (!selected.length) {
      status('No group is selected: x selects the group shown.', true, false);
      return;
    }
    var why = reasons.reasonFor(decision, status);
    if (why) { send(decision, selected, why, decision + 'd'); }
  }

  // Takes back the decision of the group shown, and says which.
  function takeBack() {
    if (!current || current.state === 'UNDECIDED') {
      status('The group shown (' + (current ? names(current).join(', ') : 'none') + ') has no decision to take back.'
        + (undoable.length ? ' The undo button beside the last confirmation takes back the last decision.' : ''),
        true, false);
      return;
    }
    send(current.state === 'APPROVED' ? 'unapprove' : 'unreject', [current], null, 'took back');
  }

  // One request for the groups of each run; the answers say each group's state and version now.
  function send(decision, chosen, why, done) {
    if (busy || !chosen.length) { return; }
    busy = true;
    var byExecution = {};
    chosen.forEach(function (group) {
      (byExecution[group.execution] = byExecution[group.execution] || []).push(group);
    });
    var executions = Object.keys(byExecution);
    var changed = [];
    var messages = [];
    status((decision === 'approve' || decision === 'reject' ? 'Sending: ' + decision + ' '
      : 'Sending: ') + plural(chosen.length, 'group', 'groups') + '…', false, false);
    executions.reduce(function (previous, execution) {
      return previous.then(function () {
        var batch = byExecution[execution];
        var versions = {};
        batch.forEach(function (group) { versions[group.key] = group.version; });
        var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
        headers[data.csrf.header] = data.csrf.value;
        return fetch('/api/decisions', {
          method: 'POST', headers: headers, credentials: 'same-origin',
          body: JSON.stringify({ execution: Number(execution), decision: decision,
            keys: batch.map(function (group) { return group.key; }), versions: versions, reason: why })
        }).then(function (response) {
          return response.text().then(function (text) {
            var answer;
            try { answer = JSON.parse(text); } catch (e) { answer = { refused: 'the server answered ' + response.status
              + ': ' + text.slice(0, 200) + '. Reload the page' }; }
            if (!response.ok) { throw new Error(answer.refused || ('the server answered ' + response.status)); }
            batch.forEach(function (group) {
              var now = answer.groups[group.key];
              if (now) {
                group.version = now.version;
                group.state = now.state;
                group.said = now.decision;
              }
              group.selected = false;
              changed.push(group);
            });
            messages.push(answer.message);
          });
        });
      });
    }, Promise.resolve()).then(function () {
      busy = false;
      if (decision === 'approve' || decision === 'reject') {
        reasons.used(decision, why);
        undoable.push({ decision: decision, groups: changed });
        var at = chosen.indexOf(current) >= 0 ? current : null;
        current = at ? next(at) : current;
      }
      else {
        current = chosen[0];
        if (filter !== 'ALL' && filter !== 'UNDECIDED') { filter = 'UNDECIDED'; }
      }
      status(messages.join(' ') + (chosen.length === 1 ? ' (' + names(chosen[0]).join(', ') + ')' : '')
        + (why ? '; reason recorded: "' + why + '".' : '.'), false, decision === 'approve' || decision === 'reject');
      render();
    }, function (error) {
      busy = false;
      status('Refused: ' + error.message, true, false);
      render();
    });
  }

  function undoLast() {
    var last = undoable.pop();
    if (!last) {
      status('Nothing to undo on this page.', true, false);
      return;
    }
    send(last.decision === 'approve' ? 'unapprove' : 'unreject', last.groups, null, 'took back');
  }

  document.getElementById('reason').addEventListener('input', reasons.edited);

  document.addEventListener('keydown', function (event) {
    // A text field takes the keys it is typed into; a checkbox or a button clicked with the mouse does not.
    var target = event.target;
    var typing = target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT'
      && ['checkbox', 'radio', 'button', 'submit'].indexOf(target.type) < 0));
    if (typing) {
      if (event.key === 'Enter' || event.key === 'Escape') {
        event.target.blur();
        event.preventDefault();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var handled = true;
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': if (data.canDecide) { decide('approve'); } break;
      case 'r': if (data.canDecide) { decide('reject'); } break;
      case 's': skip(); break;
      case 'u': if (data.canDecide) { takeBack(); } break;
      case 'z': if (data.canDecide) { undoLast(); } break;
      case 'A': if (data.canDecide) { decideSelected('approve'); } break;
      case 'R': if (data.canDecide) { decideSelected('reject'); } break;
      case 'x':
        if (current) { current.selected = !current.selected; render(); }
        break;
      case '/': document.getElementById('reason').focus(); break;
      case '?':
        var help = document.getElementById('help');
        help.hidden = !help.hidden;
        break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  render();
  document.body.setAttribute('data-ready', 'true');
  if (!groups.length) {
    status(data.org && !data.knownOrg ? 'No run of org ' + data.org + ' was recorded here: no such org (the home page '
      + 'lists the orgs).' : 'No group waits for a person' + (data.org ? ' in org ' + data.org : '') + '.', !!data.org && !data.knownOrg, false);
  }
}());
