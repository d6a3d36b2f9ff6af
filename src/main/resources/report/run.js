(function () {
  'use strict';
  var PAGE = 50;
  var data = JSON.parse(document.getElementById('run-data').textContent);
  var groups = data.groups;
  /* Served by the review in a browser (--serve): who is signed in, what they may decide, the CSRF token. */
  var review = data.review || null;
  var selected = {};
  var matching = groups;
  var page = 0;

  // el() and fact() are run-facts.js's, loaded first (it renders the run's facts and counts).
  var el = window.inventDedupRunPage.el;
  var fact = window.inventDedupRunPage.fact;

  function options(select, values) {
    values.forEach(function (value) {
      var option = el('option', null, value);
      option.value = value;
      select.appendChild(option);
    });
  }

  var matchedOn = [];

  /** Whether Invent grouped the contacts on this channel ([type, shown value, user_id]). */
  function sharedChannel(channel) {
    return matchedOn.some(function (matched) { return matched.type === channel.type && matched.userId === channel.userId; });
  }

  /** Whether a person may approve the group: queued, or skipped because its names say different people. */
  function approvable(group) {
    return group.outcome.status === 'NEEDS_REVIEW' || (group.outcome.status === 'SKIPPED' && group.outcome.reason === 'names-differ');
  }

  function selectable(group) {
    if (review && !review.canDecide) { return false; }
    return (data.run.dryRun && !data.run.applied && group.outcome.status === 'PLANNED') || approvable(group);
  }

  /** Sends a decision as a form POST to the review's own address, with its CSRF token; the answer reloads the page. */
  function post(action, fields) {
    var form = el('form');
    form.method = 'post';
    form.action = action;
    form.hidden = true;
    fields.concat([[review.csrf.name, review.csrf.value]]).forEach(function (field) {
      var input = el('input');
      input.type = 'hidden';
      input.name = field[0];
      input.value = field[1];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  function say(text) {
    var message = document.getElementById('message');
    message.textContent = text;
    message.hidden = false;
  }

  function reasonGiven() {
    var reason = document.getElementById('reject-reason').value.trim();
    if (reason === '') { say('Give a reason first.'); }
    return reason;
  }

  function holdButtons(card, contact) {
    var held = review.holds[contact.id];
    if (held) { card.appendChild(el('div', 'held', 'held ' + held)); }
    if (!review.canDecide) { return; }
    var button = el('button', 'hold', held ? 'Release' : 'Hold contact');
    button.type = 'button';
    button.addEventListener('click', function () {
      var reason = held ? '' : reasonGiven();
      if (!held && reason === '') { return; }
      post(review.holdAction, [['decision', held ? 'release' : 'hold'], ['contact', contact.id], ['reason', reason]]);
    });
    card.appendChild(button);
  }

  /**
   * Says how many groups are selected, and offers approval only when every one of them can be
   * approved (a planned group cannot: it is merged as planned by the apply of its plan, or rejected).
   */
  function picked() {
    var keys = Object.keys(selected);
    var notApprovable = keys.filter(function (key) { return !selected[key]; }).length;
    document.getElementById('picked').textContent = keys.length + ' selected'
      + (notApprovable ? ' (' + notApprovable + ' planned: they can be rejected, not approved)' : '');
    var approve = document.getElementById('decide-approve');
    if (approve) {
      approve.disabled = notApprovable > 0;
      approve.title = notApprovable > 0 ? 'Only groups that wait for review, or whose names differ, can be approved' : '';
    }
  }

  /** Records the decision on the selected groups, with the version of each as this page shows it. */
  function decide(decision) {
    var keys = Object.keys(selected).sort();
    if (keys.length === 0) { say('Select groups first.'); return; }
    var reason = '';
    if (decision === 'approve' || decision === 'reject') {
      reason = reasonGiven();
      if (reason === '') { return; }
    }
    var fields = [['decision', decision], ['reason', reason]];
    keys.forEach(function (key) {
      fields.push(['key', key]);
      fields.push(['version', versions[key]]);
    });
    post(review.decisionAction, fields);
  }

  function contactCard(contact, role, extra) {
    var card = el('div', 'contact ' + role);
    card.setAttribute('data-contact', contact.id);
    card.appendChild(el('div', 'role', extra ? role + ' (' + extra + ')' : role));
    card.appendChild(el('div', 'name', (contact.name === null || contact.name === undefined || contact.name === '') ? '(no name)' : contact.name));
    card.appendChild(el('div', 'id', contact.id));
    card.appendChild(el('div', 'when', 'created ' + contact.createdAt));
    var flags = el('div');
    if (contact.admin) { flags.appendChild(el('span', 'flag', 'admin')); }
    if (contact.blocked) { flags.appendChild(el('span', 'flag', 'blocked')); }
    if (contact.unsubscribed) { flags.appendChild(el('span', 'flag', 'unsubscribed')); }
    card.appendChild(flags);
    if (contact.channels.length > 0) {
      var channels = el('ul');
      contact.channels.forEach(function (channel) {
        var shared = sharedChannel(channel);
        var text = (shared ? 'shared \u2014 ' : '') + channel.type + (channel.value === null ? '' : ': ' + channel.value);
        channels.appendChild(el('li', shared ? 'shared' : null, text));
      });
      card.appendChild(channels);
    }
    if (contact.segments.length > 0) {
      card.appendChild(el('div', 'when', 'segments: ' + contact.segments.join(', ')));
    }
    if (review && contact.channels && role !== 'merged away') { holdButtons(card, contact); }
    return card;
  }

  function groupCard(group) {
    var card = el('article', 'card');
    card.setAttribute('data-key', group.key);
    card.setAttribute('data-status', group.outcome.status);
    card.setAttribute('data-reason', group.outcome.reason || '');
    var head = el('div', 'head');
    if (selectable(group)) {
      var box = el('input');
      box.type = 'checkbox';
      box.className = 'pick';
      box.checked = !!selected[group.key];
      box.setAttribute('aria-label', 'select group ' + group.key + ' for a decision');
      box.addEventListener('change', function () {
        if (box.checked) { selected[group.key] = approvable(group); } else { delete selected[group.key]; }
        picked();
      });
      head.appendChild(box);
    }
    // A person's decision is the group's state now: the badge says it, not the status the run gave.
    head.appendChild(el('span', 'status ' + group.outcome.status, group.state ? group.state + ' (was ' + group.outcome.status + ')' : group.outcome.status));
    if (group.outcome.reason) { head.appendChild(el('span', 'reason', group.outcome.reason)); }
    head.appendChild(el('span', 'key', group.key));
    card.appendChild(head);
    if (group.outcome.detail) { card.appendChild(el('div', 'detail', group.outcome.detail)); }
    if (group.decision) { card.appendChild(el('div', 'decision', group.decision)); }
    if (group.matchedOn.length > 0) {
      card.appendChild(el('div', 'matched', 'Invent grouped them on: ' + group.matchedOn.map(function (matched) {
        return matched.type + ' ' + matched.userId;
      }).join(', ')));
    }
    if (group.outcome.httpStatus || group.outcome.error) {
      card.appendChild(el('div', 'error', (group.outcome.httpStatus ? 'HTTP ' + group.outcome.httpStatus + ': ' : '') + (group.outcome.error || '')));
    }
    var members = el('div', 'members');
    var byId = {};
    group.members.forEach(function (contact) { byId[contact.id] = contact; });
    var shown = {};
    matchedOn = group.matchedOn;
    function show(id, role, extra) {
      if (shown[id]) { return; }
      shown[id] = true;
      members.appendChild(contactCard(byId[id] || { id: id, name: null, createdAt: '?', channels: [], segments: [] }, role, extra));
    }
    if (group.plan.survivor) { show(group.plan.survivor, 'survivor'); }
    // A source of a merge that went through is gone from Invent: holding it would change nothing.
    group.plan.sources.forEach(function (id) { show(id, group.outcome.status === 'MERGED' ? 'merged away' : 'source'); });
    Object.keys(group.excluded).forEach(function (id) { show(id, 'excluded', group.excluded[id]); });
    group.members.forEach(function (contact) { show(contact.id, 'member'); });
    card.appendChild(members);
    if (group.plan.plannedUpdate) {
      var text = 'After the merge, the survivor ' + followUp(group.plan.plannedUpdate);
      if (group.outcome.followUp) {
        text += ' \u2014 ' + ({ SENT: 'sent', NOT_NEEDED: 'not needed: the merged survivor had it',
          PENDING: 'not sent yet', FAILED: 'FAILED: the same command sends it again' }[group.outcome.followUp.status] || group.outcome.followUp.status);
      }
      card.appendChild(el('div', 'followup', text));
    }
    return card;
  }

  /** A planned follow-up update (its JSON body) in words: what the survivor is to carry. */
  function followUp(body) {
    var update;
    try { update = JSON.parse(body); } catch (e) { return 'gets the update ' + body; }
    var parts = [];
    if (update.unsubscribed === true) { parts.push('is unsubscribed (a merged contact was)'); }
    if (update.blocked === true) { parts.push('is blocked (a merged contact was)'); }
    if (typeof update.name === 'string') { parts.push('gets the name \u201c' + update.name + '\u201d'); }
    return parts.length ? parts.join(', ') : 'gets the update ' + body;
  }

  function renderList() {
    var list = document.getElementById('groups');
    list.textContent = '';
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(page, pages - 1);
    matching.slice(page * PAGE, page * PAGE + PAGE).forEach(function (group) { list.appendChild(groupCard(group)); });
    document.getElementById('matching').textContent = matching.length + (matching.length === 1 ? ' group matches'
      : ' groups match');
    document.getElementById('page').textContent = 'page ' + (page + 1) + ' of ' + pages;
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = page >= pages - 1;
  }

  function applyFilters() {
    var status = document.getElementById('status').value;
    var reason = document.getElementById('reason').value;
    var query = document.getElementById('search').value.trim().toLowerCase();
    matching = groups.filter(function (group) {
      return (status === '' || group.outcome.status === status) && (reason === '' || group.outcome.reason === reason)
        && (query === '' || group.q.indexOf(query) >= 0);
    });
    page = 0;
    renderList();
  }

  function shellQuoted(text) {
    return '\'' + text.replace(/'/g, '\'\\\'\'') + '\'';
  }

  /** The command that records the decision on the selected groups: --reject, or --approve (queued groups only). */
  function decisionCommand(command) {
    var keys = Object.keys(selected).sort();
    var reason = document.getElementById('reject-reason').value;
    var output = document.getElementById('reject-command');
    if (keys.length === 0 || reason.trim() === '') {
      output.value = 'Select groups and give a reason first.';
      return;
    }
    if (command === 'approve' && keys.some(function (key) { return !selected[key]; })) {
      output.value = 'Only groups that wait for review (NEEDS_REVIEW) or whose names differ (SKIPPED, names-differ) '
        + 'can be approved: unselect the others.';
      return;
    }
    output.value = 'java -jar target/invent-dedup.jar --' + command + ' ' + data.run.execution + ' ' + keys.join(' ')
      + ' --reason=' + shellQuoted(reason.trim());
    output.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(output.value).catch(function () { });
    }
  }

  var versions = {};
  groups.forEach(function (group) {
    versions[group.key] = group.version;
    var words = [group.key, group.plan.survivor || ''];
    group.members.forEach(function (contact) {
      words.push(contact.id, contact.name || '');
      contact.channels.forEach(function (channel) { words.push(channel.value); });
    });
    group.q = words.join('\n').toLowerCase();
  });
  options(document.getElementById('status'), Object.keys(data.counts.byStatus).sort());
  options(document.getElementById('reason'), Object.keys(data.counts.byReason).sort());
  ['status', 'reason'].forEach(function (id) { document.getElementById(id).addEventListener('change', applyFilters); });
  document.getElementById('search').addEventListener('input', applyFilters);
  document.getElementById('previous').addEventListener('click', function () { page--; renderList(); });
  document.getElementById('next').addEventListener('click', function () { page++; renderList(); });
  if (review) {
    if (review.message) { say(review.message); }
    fact(document.getElementById('facts'), 'signed in as', review.by + (review.canDecide ? ' (reviewer)' : ' (viewer: read only)'));
    var home = el('a', null, 'All orgs and the queue');
    home.href = '/';
    var signOut = el('button', null, 'Sign out');
    signOut.type = 'button';
    signOut.id = 'sign-out';
    signOut.addEventListener('click', function () { post('/logout', []); });
    var bar = el('div', 'sign-out');
    bar.appendChild(home);
    bar.appendChild(signOut);
    document.querySelector('header').appendChild(bar);
  }
  if (groups.some(selectable) && review) {
    document.getElementById('reject').className = 'reject on';
    ['copy-reject', 'copy-approve', 'reject-command'].forEach(function (id) { document.getElementById(id).hidden = true; });
    [['approve', 'Approve'], ['reject', 'Reject'], ['unapprove', 'Undo approval'], ['unreject', 'Undo rejection']]
      .forEach(function (decision) {
        var button = el('button', 'decide', decision[1]);
        button.type = 'button';
        button.id = 'decide-' + decision[0];
        button.addEventListener('click', function () { decide(decision[0]); });
        document.getElementById('reject').appendChild(button);
      });
  } else if (groups.some(selectable)) {
    document.getElementById('reject').className = 'reject on';
    document.getElementById('copy-reject').addEventListener('click', function () { decisionCommand('reject'); });
    document.getElementById('copy-approve').addEventListener('click', function () { decisionCommand('approve'); });
  }
  /* A link to /runs/ID#KEY (the queue's) shows the group it names: the search, set to the key. */
  function searchForHash() {
    if (window.location.hash.length > 1) {
      var key = window.location.hash.substring(1);
      try { key = decodeURIComponent(key); } catch (e) { /* not percent-encoded: searched as it is */ }
      document.getElementById('search').value = key;
      applyFilters();
    }
  }
  window.addEventListener('hashchange', searchForHash);
  searchForHash();
  renderList();
  document.body.setAttribute('data-ready', 'true');
}());
