/*
 * Vitrine: opens a protected view in the browser (see encrypt.ts for the format).
 * The passphrase is turned into a key with WebCrypto (PBKDF2-SHA-256), the sealed manifest is
 * opened with it (a wrong passphrase fails there, AES-GCM's tag does not match), then each page
 * is decrypted when shown: its links to other pages of the view become `#/path` routes of this
 * page, its images, styles and downloads become blob: URLs of decrypted files. The derived key
 * is kept in sessionStorage (this tab, until the browser closes) so a reload does not ask again.
 * Ciphertext comes as scripts calling vitrineChunk(), because browsers refuse fetch() on file://.
 */
(function () {
  'use strict';
  var lockEl = document.getElementById('vitrine-lock');
  if (!lockEl) return;
  var lock = JSON.parse(lockEl.textContent);
  var form = document.getElementById('vitrine-unlock');
  var input = document.getElementById('vitrine-pass');
  var show = document.getElementById('vitrine-show');
  var status = document.getElementById('vitrine-status');
  var error = document.getElementById('vitrine-error');
  var storageKey = 'vitrine-key:' + lock.salt;
  var utf8 = new TextEncoder();
  var waiting = {};
  var plain = {};
  var blobs = {};
  var key = null;
  var manifest = null;
  var ROOT = 'https://view.invalid/site/view/';

  function fromBase64(s) {
    var bin = atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function toBase64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  window.vitrineChunk = function (id, data) {
    var w = waiting[id];
    if (w) {
      delete waiting[id];
      w.resolve(data);
    }
  };
  function loadChunk(id) {
    return new Promise(function (resolve, reject) {
      waiting[id] = { resolve: resolve };
      var s = document.createElement('script');
      s.src = 'c/' + id + '.js';
      s.onload = function () {
        s.remove();
        if (waiting[id]) {
          delete waiting[id];
          reject(new Error('chunk ' + id + ' did not load'));
        }
      };
      s.onerror = function () {
        s.remove();
        delete waiting[id];
        reject(new Error('chunk ' + id + ' is missing'));
      };
      (document.head || document.documentElement).appendChild(s);
    });
  }
  function open(id, sealed) {
    var bytes = fromBase64(sealed);
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: utf8.encode(id) }, key, bytes.slice(12));
  }
  function file(path) {
    if (!plain[path]) {
      var entry = manifest.files[path];
      plain[path] = loadChunk(entry.id).then(function (sealed) { return open(entry.id, sealed); });
    }
    return plain[path];
  }
  function blobUrl(path) {
    if (!blobs[path]) {
      blobs[path] = file(path).then(function (buf) {
        return URL.createObjectURL(new Blob([buf], { type: manifest.files[path].type }));
      });
    }
    return blobs[path];
  }

  async function deriveRaw(passphrase) {
    var base = await crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    var bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(lock.salt), iterations: lock.iterations }, base, 256);
    return new Uint8Array(bits);
  }
  async function useKey(raw) {
    key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    try {
      manifest = JSON.parse(new TextDecoder().decode(await open('manifest', lock.manifest)));
    } catch (e) {
      key = null;
      return false;
    }
    return true;
  }

  /** Where a URL written in the page at `from` points: a path inside the view, or a path relative to the entry page. */
  function target(value, from) {
    var u;
    try {
      u = new URL(value, ROOT + from);
    } catch (e) {
      return null;
    }
    if (u.origin !== new URL(ROOT).origin) return null;
    if (u.pathname.indexOf('/site/view/') === 0) return { inside: decodeURIComponent(u.pathname.slice('/site/view/'.length)), hash: u.hash };
    if (u.pathname.indexOf('/site/') === 0) return { outside: '../' + u.pathname.slice('/site/'.length) + u.search + u.hash };
    return null;
  }
  async function rewriteUrl(value, from, el, attr) {
    if (!value || value.charAt(0) === '#') return value;
    var t = target(value, from);
    if (!t) return value;
    if (t.outside !== undefined) return t.outside;
    var path = t.inside === '' || t.inside.slice(-1) === '/' ? t.inside + 'index.html' : t.inside;
    if (!manifest.files[path]) return value;
    if (el.tagName === 'A' && manifest.files[path].type === 'text/html') return '#/' + path + (t.hash || '');
    var url = await blobUrl(path);
    if (el.tagName === 'A' && attr === 'href' && !el.hasAttribute('download')) el.setAttribute('download', path.split('/').pop());
    if (el.tagName === 'A' && el.hasAttribute('download') && !el.getAttribute('download')) el.setAttribute('download', path.split('/').pop());
    return url;
  }
  async function rewrite(doc, from) {
    var jobs = [];
    doc.querySelectorAll('[href],[src],[poster]').forEach(function (el) {
      ['href', 'src', 'poster'].forEach(function (attr) {
        if (!el.hasAttribute(attr)) return;
        jobs.push(rewriteUrl(el.getAttribute(attr), from, el, attr).then(function (v) { el.setAttribute(attr, v); }));
      });
    });
    doc.querySelectorAll('[srcset]').forEach(function (el) {
      var parts = el.getAttribute('srcset').split(',').map(function (s) { return s.trim(); }).filter(Boolean);
      jobs.push(Promise.all(parts.map(function (p) {
        var bits = p.split(/\s+/);
        return rewriteUrl(bits[0], from, el, 'srcset').then(function (v) { bits[0] = v; return bits.join(' '); });
      })).then(function (list) { el.setAttribute('srcset', list.join(', ')); }));
    });
    await Promise.all(jobs);
  }

  function route() {
    var h = location.hash;
    if (h.indexOf('#/') !== 0) return null;
    var rest = h.slice(2);
    var cut = rest.indexOf('#');
    return { path: decodeURIComponent(cut < 0 ? rest : rest.slice(0, cut)), anchor: cut < 0 ? '' : rest.slice(cut + 1) };
  }
  var shown = null;
  async function showPage(focus) {
    var r = route() || { path: manifest.start, anchor: '' };
    if (!manifest.files[r.path] || manifest.files[r.path].type !== 'text/html') r = { path: manifest.start, anchor: '' };
    if (shown === r.path) {
      scrollTo(r.anchor);
      return;
    }
    var html = new TextDecoder().decode(await file(r.path));
    var doc = new DOMParser().parseFromString(html, 'text/html');
    await rewrite(doc, r.path);
    document.documentElement.replaceWith(document.adoptNode(doc.documentElement));
    shown = r.path;
    if (!scrollTo(r.anchor)) {
      window.scrollTo(0, 0);
      if (focus) {
        var main = document.getElementById('main');
        if (main) main.focus();
      }
    }
  }
  function scrollTo(anchor) {
    if (!anchor) return false;
    var el = document.getElementById(anchor);
    if (!el) return false;
    el.scrollIntoView();
    return true;
  }
  window.addEventListener('hashchange', function () {
    if (manifest && route()) showPage(true).catch(failed);
  });

  function failed() {
    if (error) error.textContent = status.getAttribute('data-failed');
  }
  function remember(raw) {
    try {
      sessionStorage.setItem(storageKey, toBase64(raw));
    } catch (e) {
      /* storage refused (privacy settings): the passphrase is asked again on reload */
    }
  }
  async function start() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(storageKey);
    } catch (e) {
      saved = null;
    }
    if (saved && (await useKey(fromBase64(saved)))) {
      await showPage(false);
      return;
    }
    form.hidden = false;
    show.addEventListener('change', function () { input.type = show.checked ? 'text' : 'password'; });
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      error.textContent = '';
      status.textContent = status.getAttribute('data-working');
      var raw = await deriveRaw(input.value);
      if (!(await useKey(raw))) {
        status.textContent = '';
        error.textContent = error.getAttribute('data-wrong');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'vitrine-pass-help vitrine-error');
        input.focus();
        return;
      }
      remember(raw);
      try {
        await showPage(true);
      } catch (e) {
        status.textContent = '';
        failed();
      }
    });
  }
  if (!window.crypto || !crypto.subtle) {
    error.textContent = status.getAttribute('data-failed');
    return;
  }
  start().catch(failed);
})();
