/* Vitrine display settings: text size, contrast and spacing chosen by the reader, remembered in
   this browser (localStorage) and applied as data attributes on <html>, which vitrine.css styles.
   Progressive enhancement: without JavaScript the settings panel stays hidden and every page is
   complete. Runs in <head> so a remembered choice applies before the first paint. */
(function () {
  'use strict';
  var KEY = 'vitrine-display';
  var root = document.documentElement;
  var prefs = {};
  try { prefs = JSON.parse(window.localStorage.getItem(KEY) || '{}') || {}; } catch (e) { prefs = {}; }
  function apply() {
    ['size', 'contrast', 'spacing'].forEach(function (name) {
      var v = prefs[name];
      if (v && v !== '100') root.setAttribute('data-' + name, v);
      else root.removeAttribute('data-' + name);
    });
    var buttons = document.querySelectorAll('.prefs button[data-pref]');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var current = prefs[b.getAttribute('data-pref')] || '';
      var value = b.getAttribute('data-value');
      b.setAttribute('aria-pressed', String(current === value || (!current && (value === '' || value === '100'))));
    }
  }
  apply();
  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.querySelector('.prefs');
    if (!panel) return;
    panel.hidden = false;
    panel.addEventListener('click', function (event) {
      var b = event.target.closest ? event.target.closest('button[data-pref]') : null;
      if (!b) return;
      prefs[b.getAttribute('data-pref')] = b.getAttribute('data-value');
      try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode: applies to this page only */ }
      apply();
    });
    apply();
  });
})();
