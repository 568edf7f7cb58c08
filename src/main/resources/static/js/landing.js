// Try it: sends the visitor's time zone (the server falls back to UTC without it).
document.addEventListener('DOMContentLoaded', function () {
  var field = document.getElementById('timeZone');
  if (!field) {
    return;
  }
  var zone = 'UTC';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (e) {
    zone = 'UTC';
  }
  field.value = zone;
  var shown = document.getElementById('timeZone-shown');
  if (shown) {
    shown.textContent = zone;
  }
});
