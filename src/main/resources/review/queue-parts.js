(function () {
  'use strict';
  // The queue's parts: how the page makes an element (text only: everything a group carries is set by
  // the public), counts in words, a member's card, an action's row, the summary line and the filters;
  // the reason of each kind of decision, and the last ten reasons given, offered again as the reason
  // field's suggestions. queue.js, loaded after this file, shows the groups and sends the decisions.
  var recent = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function names(group) {
    return group.members.map(function (member) { return member.name || '(no name)'; });
  }

  function member(group, contact) {
    var role = contact.id === group.survivor ? 'survivor' : group.excluded[contact.id] ? 'excluded: ' + group.excluded[contact.id] : 'source';
    var box = el('article', 'member ' + (contact.id === group.survivor ? 'survivor' : group.excluded[contact.id] ? 'excluded' : 'source'));
    box.appendChild(el('strong', null, contact.name || '(no name)'));
    var facts = el('dl');
    [['role', role], ['id', contact.id], ['created', contact.createdAt],
      ['channels', (contact.channels || []).map(function (ch) { return ch.type + ' ' + (ch.value || ''); }).join('; ')],
      ['flags', [contact.admin ? 'admin' : '', contact.blocked ? 'blocked' : '', contact.unsubscribed ? 'unsubscribed' : ''].filter(Boolean).join(', ')]]
      .forEach(function (fact) {
        if (fact[1]) {
          facts.appendChild(el('dt', null, fact[0]));
          facts.appendChild(el('dd', null, fact[1]));
        }
      });
    box.appendChild(facts);
    return box;
  }

  function action(id, label, key, text, handler, enabled) {
    var row = el('div', 'action');
    var button = el('button', null, label + ' (' + key + ')');
    button.type = 'button';
    button.id = id;
    button.disabled = !enabled;
    button.addEventListener('click', handler);
    row.appendChild(button);
    row.appendChild(el('p', null, text));
    return row;
  }

  // The summary line: the groups undecided on this page, and how many wait in all, by org: the server's
  // counts when the page loaded, moved by the decisions taken on this page since.
  function summary(data, groups) {
    var undecided = groups.filter(function (group) { return group.state === 'UNDECIDED'; }).length;
    var counts = {};
    Object.keys(data.orgs).forEach(function (org) { counts[org] = data.orgs[org]; });
    groups.forEach(function (group) {
      var moved = (group.loaded === 'UNDECIDED' ? 0 : 1) - (group.state === 'UNDECIDED' ? 0 : 1);
      if (moved !== 0) { counts[group.org] = (counts[group.org] || 0) + moved; }
    });
    var orgs = Object.keys(counts);
    var total = orgs.reduce(function (sum, org) { return sum + counts[org]; }, 0);
    return plural(undecided, 'group', 'groups') + ' undecided on this page'
      + (data.org ? ' (org ' + data.org + ')' : '') + '; ' + plural(total, 'group waits', 'groups wait')
      + ' in all' + (orgs.length ? ' (' + orgs.map(function (org) { return org + ' ' + counts[org]; }).join(', ') + ')' : '')
      + (groups.length >= data.limit ? '; the page shows the ' + data.limit + ' that waited longest' : '')
      + '. Signed in as ' + data.by + (data.canDecide ? '' : ' (a viewer: read only)') + '. Press ? for the keys.';
  }

  // The reason typed serves one kind of decision: after it went with a rejection, an approval asks for its
  // own (the last reason of each kind is offered again), and the other way round.
  var reasons = (function () {
    var last = { approve: null, reject: null };
    var usedFor = null;

    function field() {
      return document.getElementById('reason');
    }

    // The reason for a decision of this kind: the one typed, unless it went with the other kind and was not
    // changed since; then the field offers this kind's last reason, the person confirms it, and it is null.
    function reasonFor(decision, status) {
      var typed = field().value.trim();
      if (typed && (usedFor === null || usedFor === decision)) { return typed; }
      var other = decision === 'approve' ? 'rejection' : 'approval';
      field().value = last[decision] || '';
      usedFor = null;
      status((typed ? 'The reason "' + typed + '" went with the ' + other + '; ' : '') + 'type the reason for this '
        + (decision === 'approve' ? 'approval' : 'rejection') + (field().value ? ' (your last one is offered)' : '')
        + ', then press ' + decision.charAt(0) + ' again: it is kept with the decision.', true, false);
      field().focus();
      return null;
    }

    function used(decision, text) {
      last[decision] = text;
      usedFor = decision;
      if (!text || recent.indexOf(text) >= 0) { return; }
      recent.unshift(text);
      recent = recent.slice(0, 10);
      var options = document.getElementById('recent-reasons');
      options.textContent = '';
      recent.forEach(function (r) {
        var option = el('option');
        option.value = r;
        options.appendChild(option);
      });
    }

    function edited() {
      usedFor = null;
    }

    return { reasonFor: reasonFor, used: used, edited: edited };
  }());

  // The filters (a button a state, with its count; choose(state) shows that state) and the links to each org.
  function filters(data, groups, filter, choose) {
    var box = document.getElementById('filters');
    box.textContent = '';
    [['UNDECIDED', 'undecided'], ['APPROVED', 'approved'], ['REJECTED', 'rejected'], ['ALL', 'all']].forEach(function (f) {
      var count = f[0] === 'ALL' ? groups.length : groups.filter(function (g) { return g.state === f[0]; }).length;
      var button = el('button', f[0] === filter ? 'on' : null, f[1] + ' (' + count + ')');
      button.type = 'button';
      button.id = 'filter-' + f[1];
      button.addEventListener('click', function () { choose(f[0]); });
      box.appendChild(button);
    });
    Object.keys(data.orgs).forEach(function (org) {
      var a = el('a', null, 'org ' + org);
      a.href = '/queue?org=' + encodeURIComponent(org);
      box.appendChild(a);
    });
    if (data.org) {
      var all = el('a', null, 'every org');
      all.href = '/queue';
      box.appendChild(all);
    }
  }

  // What each decision does, said under the group: on a phone the buttons stay at the foot of the screen.
  function effects(group) {
    var list = el('dl', 'effects');
    [['Approve', group.effects.approve], ['Reject', group.effects.reject]].forEach(function (effect) {
      list.appendChild(el('dt', null, effect[0]));
      list.appendChild(el('dd', null, effect[1]));
    });
    return list;
  }

  window.inventDedupQueue = { el: el, plural: plural, names: names, member: member, action: action,
    summary: summary, reasons: reasons, filters: filters, effects: effects };
}());
