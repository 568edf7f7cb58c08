// The web chat's only script (the Content-Security-Policy allows no inline script): htmx sends the CSRF token as a
// header on its own requests (forms carry it as a field too), the conversation shows its latest message, a Home menu
// acts when chosen, and the text box sends on Enter (Shift+Enter for a new line).
function showLatest() {
  var conversation = document.getElementById('conversation');
  if (conversation) {
    conversation.scrollTop = conversation.scrollHeight;
  }
}

document.addEventListener('DOMContentLoaded', function () {
  showLatest();
  document.body.addEventListener('htmx:afterSettle', showLatest);
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
  document.body.addEventListener('change', function (event) {
    var select = event.target;
    if (select.matches && select.matches('.home-control select') && select.value !== '') {
      select.form.requestSubmit();
    }
  });
  document.body.addEventListener('keydown', function (event) {
    var box = event.target;
    if (box.id === 'text' && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (box.value.trim() !== '') {
        box.form.requestSubmit();
      }
    }
  });
});
