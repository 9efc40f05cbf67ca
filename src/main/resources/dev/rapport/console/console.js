// The staff console's live parts. Every page works without this script; it adds live updates:
// the queue re-read when something changes, new customer messages in the open conversation, a
// browser notification and a title badge when a customer starts waiting for a person or gives an
// unhappy survey answer (the alert strip above the queue comes with the queue).
// Changes are form posts that carry the session's CSRF token; this script posts nothing itself
// except through those forms.
(function () {
  'use strict';
  var body = document.body;
  if (!body || !body.dataset.csrf) { return; }
  var baseTitle = body.dataset.title || document.title;
  var unseen = 0;

  function badge(count) {
    unseen = count;
    document.title = (unseen > 0 ? '(' + unseen + ') ' : '') + baseTitle;
  }
  // The member has looked: clear the badge, and ask once for permission to notify (browsers allow
  // the question only after a click).
  document.addEventListener('click', function () {
    badge(0);
    if (window.Notification && Notification.permission === 'default') {
      Notification.requestPermission();
    }
  });

  function notify(text) {
    if (window.Notification && Notification.permission === 'granted') {
      try { new Notification(text, { tag: 'rapport-handoff' }); } catch (e) { /* some browsers refuse outside a worker */ }
    }
  }

  function swap(url, element, after) {
    if (!element) { return; }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html !== null) {
          element.innerHTML = html;   // server-rendered and escaped there
          if (after) { after(element); }
        }
      })
      .catch(function () { /* the stream reconnects and asks again */ });
  }

  function stickToBottom(list) {
    var pane = list.closest('.pane') || list;
    pane.scrollTop = pane.scrollHeight;
  }

  function refreshQueue() {
    swap('/console/fragments/queue', document.getElementById('live-queue'));
  }

  function refreshMessages() {
    var list = document.getElementById('messages');
    if (list && list.dataset.customer) {
      swap('/console/customers/' + list.dataset.customer + '/messages', list, stickToBottom);
    }
  }

  // The controls hold what the member is typing: re-read them only when who has the chat changed.
  function refreshControls() {
    var controls = document.getElementById('live-conversation');
    if (controls && controls.dataset.src) {
      swap(controls.dataset.src, controls, function (element) {
        var fresh = element.querySelector('#live-conversation');
        if (fresh) { element.replaceWith(fresh); }
      });
    }
  }

  function refreshConversation() {
    refreshMessages();
    refreshControls();
  }

  // A canned reply goes into the reply box, where it can be edited before sending.
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select && select.id === 'canned' && select.value) {
      var box = document.getElementById(select.dataset.target);
      if (box) {
        box.value = box.value ? box.value + '\n' + select.value : select.value;
        box.focus();
      }
      select.value = '';
    }
  });

  var messages = document.getElementById('messages');
  if (messages) { stickToBottom(messages); }

  if (!window.EventSource) { return; }
  var stream = new EventSource('/console/stream');
  window.rapportConsole = { badge: badge, stream: stream, received: 0 };
  // A (re)connect may have missed changes: re-read the queue and the messages (the controls came
  // with the page and hold what the member is typing).
  stream.addEventListener('hello', function () { refreshQueue(); refreshMessages(); });
  stream.addEventListener('resync', function () { refreshQueue(); refreshConversation(); });
  stream.addEventListener('change', function (event) {
    var change = {};
    try { change = JSON.parse(event.data); } catch (e) { return; }
    window.rapportConsole.received++;
    refreshQueue();
    if (change.kind === 'handoff.opened') {
      badge(unseen + 1);
      notify(body.dataset.notify || 'A customer is waiting');
    }
    if (change.kind === 'survey.unhappy_answer') {
      badge(unseen + 1);
      notify(body.dataset.notifyAlert || 'A customer is unhappy');
    }
    var list = document.getElementById('messages');
    if (list && String(change.customer_id) === list.dataset.customer) {
      refreshMessages();
      if (/^handoff\.(opened|claimed|transferred|handed_back)$/.test(change.kind || '')) {
        refreshControls();
      }
    }
  });
})();
