// The staff console's live parts. Pages work without this script; it only adds live updates.
// Every change the page makes is a form post that carries the session's CSRF token.
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
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) { badge(0); }
  });
  window.rapportConsole = { badge: badge };
})();
