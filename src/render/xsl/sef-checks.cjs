/*
 * What child.cjs checks in a compiled stylesheet (SEF) before it runs it: no call into
 * JavaScript for any stylesheet, and for a package's stylesheet only the functions of the
 * allow-list (allowed-functions.ts). Plain CommonJS, read by the stylesheet process under
 * Node's permission model (child-process.ts grants it).
 */
'use strict';

/** The namespaces through which saxon-js runs JavaScript (ixsl:, and js: which compiles to ixsl:call). */
const SCRIPT_NAMESPACES = ['http://saxonica.com/ns/interactiveXSLT', 'http://saxonica.com/ns/globalJS'];

/**
 * Calls into JavaScript, for every stylesheet, the user's own too: a function, function
 * reference or instruction named in a script namespace, or an extension call node.
 */
function scriptCalls(sef) {
  const problems = [];
  const walk = (n) => {
    if (!n || typeof n !== 'object') return;
    const name = typeof n.name === 'string' ? n.name : '';
    const ns = /^Q\{([^}]*)\}/.exec(name);
    if ((ns && SCRIPT_NAMESPACES.includes(ns[1])) || n.N === 'jsCall' || n.N === 'extFn' || n.N === 'javaCall') {
      problems.push({ what: ns ? name.replace(/^Q\{[^}]*\}/, SCRIPT_NAMESPACES[0] === ns[1] ? 'ixsl:' : 'js:') : `extension ${n.N}`, line: n.line !== undefined ? Number(n.line) : undefined });
    }
    if (n.C) for (const c of n.C) walk(c);
  };
  walk(sef);
  return problems;
}

/** Functions and instructions the SEF may use, for untrusted stylesheets (see sef-check in docs). */
function check(sef, allowed) {
  const ok = new Set(allowed);
  const problems = [];
  const walk = (n) => {
    if (!n || typeof n !== 'object') return;
    const line = n.line;
    const at = (what) => problems.push({ what, line: line !== undefined ? Number(line) : undefined });
    if (n.N === 'fn' || n.N === 'fnRef') {
      const name = String(n.name).replace(/^Q\{http:\/\/www\.w3\.org\/2005\/xpath-functions\}/, '');
      if (!ok.has(name)) at(`function ${name}()`);
    } else if (n.N === 'ifCall') {
      // map:, math:, array: functions compile to ifCall, and so does saxon:apply, the dynamic
      // call $f(x) of a function item (every way of making one is checked here); nothing else.
      if (!ok.has(String(n.name))) at(`extension function ${n.name}`);
    } else if (n.N === 'evaluate') at('xsl:evaluate');
    else if (n.N === 'extFn' || n.N === 'javaCall' || n.N === 'jsCall') at(`extension ${n.N}`);
    if (n.C) for (const c of n.C) walk(c);
  };
  walk(sef);
  return problems;
}

/** The line of the first SEF node that matches (result documents carry no location of their own). */
function lineOf(sef, test) {
  let found;
  const walk = (n) => {
    if (found !== undefined || !n || typeof n !== 'object') return;
    if (test(n) && n.line !== undefined) found = n.line;
    else if (n.C) for (const c of n.C) walk(c);
  };
  walk(sef);
  return found;
}

module.exports = { check, lineOf, scriptCalls };
