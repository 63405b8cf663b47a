/*
 * Vitrine: opens a protected view in the browser (see encrypt.ts for the format).
 * The passphrase is turned into a key with WebCrypto (PBKDF2-SHA-256), the sealed manifest is
 * opened with it (a wrong passphrase fails there, AES-GCM's tag does not match), then each page
 * is decrypted when shown: its links to other pages of the view become `#/path` routes of this
 * page, its images, styles and downloads become blob: URLs of decrypted files. Ciphertext comes
 * as scripts calling vitrineChunk(), because browsers refuse fetch() on file://.
 *
 * The key is derived straight into a non-extractable CryptoKey: its bytes never exist in
 * JavaScript, so nothing on this origin (another page, a script that got in) can read them. It is
 * kept in IndexedDB (a CryptoKey survives structured cloning, still non-extractable) for
 * KEEP_MS, so a reload does not ask again, and deleted by the page's Lock button.
 *
 * A decrypted page carries markup from the portfolio (attachments, transcripts, rich text):
 * before it is adopted into this page, everything that could run script is removed (clean()).
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
  var keyId = 'vitrine-key:' + lock.salt;
  /** How long a reader stays unlocked on this device without typing the passphrase again. */
  var KEEP_MS = 8 * 60 * 60 * 1000;
  var lockLabel = form.getAttribute('data-relock') || 'Lock';
  var utf8 = new TextEncoder();
  var waiting = new Map();
  var plain = new Map();
  var blobs = new Map();
  var key = null;
  var manifest = null;
  var ROOT = 'https://view.invalid/site/view/';

  function fromBase64(s) {
    var bin = atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  window.vitrineChunk = function (id, data) {
    var w = waiting.get(id);
    if (w) {
      waiting.delete(id);
      w.resolve(data);
    }
  };
  function loadChunk(id) {
    return new Promise(function (resolve, reject) {
      waiting.set(id, { resolve: resolve });
      var s = document.createElement('script');
      s.src = 'c/' + id + '.js';
      s.onload = function () {
        s.remove();
        if (waiting.has(id)) {
          waiting.delete(id);
          reject(new Error('chunk ' + id + ' did not load'));
        }
      };
      s.onerror = function () {
        s.remove();
        waiting.delete(id);
        reject(new Error('chunk ' + id + ' is missing'));
      };
      (document.head || document.documentElement).appendChild(s);
    });
  }
  /** Decrypts a sealed value and removes its padding (0x80 then zeros, to a 4 KiB multiple). */
  function open(id, sealed) {
    var bytes = fromBase64(sealed);
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: utf8.encode(id) }, key, bytes.slice(12)).then(function (buf) {
      var b = new Uint8Array(buf);
      var end = b.length - 1;
      while (end >= 0 && b[end] === 0) end--;
      if (end < 0 || b[end] !== 0x80) throw new Error('bad padding');
      return b.slice(0, end).buffer;
    });
  }
  /** A manifest entry by path: own keys only, so `#/constructor` finds nothing inherited. */
  function entryOf(path) {
    return Object.prototype.hasOwnProperty.call(manifest.files, path) ? manifest.files[path] : undefined;
  }
  function file(path) {
    if (!plain.has(path)) {
      var entry = entryOf(path);
      plain.set(path, loadChunk(entry.id).then(function (sealed) { return open(entry.id, sealed); }));
    }
    return plain.get(path);
  }
  /**
   * A blob: URL of a decrypted file. Blob URLs share this page's origin, so a file opened from
   * one in a tab of its own would run its scripts here: HTML, XML and SVG are only ever given
   * out as downloads (application/octet-stream), except SVG shown as an image, where no script runs.
   */
  function blobUrl(path, asImage) {
    var type = entryOf(path).type;
    var live = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)/i.test(type);
    if (live && !(asImage && /^image\/svg\+xml/i.test(type))) type = 'application/octet-stream';
    var id = type + ' ' + path;
    if (!blobs.has(id)) {
      blobs.set(id, file(path).then(function (buf) {
        return URL.createObjectURL(new Blob([buf], { type: type }));
      }));
    }
    return blobs.get(id);
  }

  /** The view's key, derived from the passphrase into a CryptoKey whose bytes cannot be exported. */
  async function deriveKey(passphrase) {
    var base = await crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(lock.salt), iterations: lock.iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  }
  async function useKey(candidate) {
    key = candidate;
    try {
      manifest = JSON.parse(new TextDecoder().decode(await open('manifest', lock.manifest)));
    } catch (e) {
      key = null;
      return false;
    }
    return true;
  }

  /** Runs `work` on IndexedDB's key store; settles with its request's result, or undefined when storage is refused. */
  function keyStore(mode, work) {
    return new Promise(function (resolve) {
      var req;
      try {
        req = indexedDB.open('vitrine', 1);
      } catch (e) {
        resolve(undefined);
        return;
      }
      req.onupgradeneeded = function () { req.result.createObjectStore('keys'); };
      req.onerror = function () { resolve(undefined); };
      req.onsuccess = function () {
        var db = req.result;
        try {
          var tx = db.transaction('keys', mode);
          var result = work(tx.objectStore('keys'));
          tx.oncomplete = function () { db.close(); resolve(result && result.result); };
          tx.onerror = tx.onabort = function () { db.close(); resolve(undefined); };
        } catch (e) {
          db.close();
          resolve(undefined);
        }
      };
    });
  }
  function remember(k) {
    return keyStore('readwrite', function (store) { return store.put({ key: k, expires: Date.now() + KEEP_MS }, keyId); });
  }
  function forget() {
    return keyStore('readwrite', function (store) { return store.delete(keyId); });
  }
  async function recall() {
    var saved = await keyStore('readonly', function (store) { return store.get(keyId); });
    if (!saved || !saved.key || !(saved.expires > Date.now())) {
      if (saved) await forget();
      return null;
    }
    return saved.key;
  }

  /**
   * Removes from a decrypted page, before it is adopted, whatever could run script: script-like
   * elements, event handler attributes, javascript:/vbscript: URLs (data: only on media), inline
   * frames' documents and SVG animations that could set a link. Runs on the inert DOMParser
   * document, where nothing has run yet.
   */
  var DROP = 'script,iframe,frame,frameset,object,embed,applet,portal,base,meta[http-equiv],animate,set,animateMotion,animateTransform';
  var URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'lowsrc', 'srcset', 'to', 'from', 'values'];
  function clean(doc) {
    doc.querySelectorAll(DROP).forEach(function (el) { el.remove(); });
    doc.querySelectorAll('*').forEach(function (el) {
      for (var i = el.attributes.length - 1; i >= 0; i--) {
        var a = el.attributes[i];
        var name = a.name.toLowerCase();
        if (name.indexOf('on') === 0 || name === 'srcdoc') {
          el.removeAttribute(a.name);
          continue;
        }
        if (URL_ATTRS.indexOf(name) < 0) continue;
        // Browsers ignore control characters and spaces inside a scheme: `java\tscript:` runs.
        var v = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        var media = /^(img|source|video|audio|track|picture)$/i.test(el.tagName) && name !== 'href';
        if (/^(javascript|vbscript|livescript):/.test(v) || (v.indexOf('data:') === 0 && !media)) el.removeAttribute(a.name);
      }
    });
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
    var entry = entryOf(path);
    if (!entry) return value;
    if (el.tagName === 'A' && entry.type === 'text/html') return '#/' + path + (t.hash || '');
    var url = await blobUrl(path, el.tagName !== 'A');
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
    var wanted = entryOf(r.path);
    if (!wanted || wanted.type !== 'text/html') r = { path: manifest.start, anchor: '' };
    if (shown === r.path) {
      scrollTo(r.anchor);
      return;
    }
    var html = new TextDecoder().decode(await file(r.path));
    var doc = new DOMParser().parseFromString(html, 'text/html');
    clean(doc);
    await rewrite(doc, r.path);
    addLockButton(doc);
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

  /** The Lock button, in the page's footer: forgets the key on this device and shows the form again. */
  function addLockButton(doc) {
    var where = doc.querySelector('footer .wrap') || doc.querySelector('footer') || doc.querySelector('main') || doc.body;
    var p = doc.createElement('p');
    p.className = 'vitrine-relock';
    var button = doc.createElement('button');
    button.type = 'button';
    button.id = 'vitrine-relock';
    button.textContent = lockLabel;
    button.addEventListener('click', function () {
      key = null;
      forget().then(function () { location.replace(location.pathname + location.search); });
    });
    p.appendChild(button);
    where.appendChild(p);
  }

  function failed() {
    if (error) error.textContent = status.getAttribute('data-failed');
  }
  async function start() {
    // Pages of format 1 kept the raw key bytes in sessionStorage: never leave them there.
    try {
      sessionStorage.removeItem(keyId);
    } catch (e) {
      /* storage refused */
    }
    var saved = await recall();
    if (saved && (await useKey(saved))) {
      await showPage(false);
      return;
    }
    form.hidden = false;
    show.addEventListener('change', function () { input.type = show.checked ? 'text' : 'password'; });
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      error.textContent = '';
      status.textContent = status.getAttribute('data-working');
      var derived = await deriveKey(input.value);
      if (!(await useKey(derived))) {
        status.textContent = '';
        error.textContent = error.getAttribute('data-wrong');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'vitrine-pass-help vitrine-error');
        input.focus();
        return;
      }
      await remember(derived);
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
