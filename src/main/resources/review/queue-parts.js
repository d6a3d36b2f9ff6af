(function () {
  'use strict';
  // The queue's parts that hold no state: how the page makes an element (text only: everything a
  // group carries is set by the public), counts in words, a member's card and an action's row.
  // queue.js, loaded after this file, shows the groups and sends the decisions. The reason typed,
  // and the last ten reasons given, offered again as the reason field's suggestions.
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

  function reason() {
    return document.getElementById('reason').value.trim();
  }

  function remember(text) {
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

  window.inventDedupQueue = { el: el, plural: plural, names: names, member: member, action: action,
    reason: reason, remember: remember };
}());
