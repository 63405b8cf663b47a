/*
 * Takes the network away from the stylesheet process before any stylesheet code runs
 * (docs/xsl-views.md, "How stylesheets run"). Node 20's permission model limits files, child
 * processes and workers, not sockets, and a stylesheet that reaches JavaScript (saxon-js's
 * ixsl: functions, globalJS) also reaches `process`. So, in this process only:
 *
 * - the socket primitives every client is built on refuse: net.Socket#connect (fetch, http,
 *   https, http2, tls and WebSocket all end there, even through references captured before
 *   this ran), net.Server#listen, every dgram socket method, every dns lookup and resolver;
 * - the module functions that make clients refuse too, so the error names what was tried;
 * - the globals are deleted: fetch, WebSocket, EventSource, XMLHttpRequest; so are
 *   process.binding, process._linkedBinding (internalBinding's public doors), process.dlopen,
 *   process.getBuiltinModule and process.mainModule (a way back to require).
 *
 * Where Linux allows it, run.ts also starts this process in a network namespace of its own
 * (`unshare -rn`), which has no interface but a loopback that is down: this file is the layer
 * that holds where namespaces are not available. Plain CommonJS, like child.cjs.
 */
'use strict';

/** A function that refuses, with a code child.cjs reports as a refusal. */
function refuse(what) {
  return function refused() {
    const e = new Error(`${what} is not allowed: the stylesheet process has no network`);
    e.code = 'VXSL0004';
    throw e;
  };
}

/** Replaces a property for good: not writable, not configurable, so it cannot be put back. */
function lock(obj, key, value) {
  try {
    Object.defineProperty(obj, key, { value, writable: false, configurable: false, enumerable: false });
  } catch {
    // Already locked (a second call): it refuses already.
  }
}

/** Every function-valued own property of `obj` refuses. */
function lockFunctions(obj, prefix) {
  for (const key of Object.getOwnPropertyNames(obj)) {
    if (key === 'constructor' || key === 'prototype') continue;
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d && typeof d.value === 'function') lock(obj, key, refuse(`${prefix}${key}`));
  }
}

/** Takes the network away (see the file comment); idempotent. */
function closeNetwork() {
  const net = require('node:net');
  lock(net.Socket.prototype, 'connect', refuse('net.Socket.connect'));
  lock(net.Server.prototype, 'listen', refuse('net.Server.listen'));
  for (const key of ['connect', 'createConnection', 'createServer']) lock(net, key, refuse(`net.${key}`));
  for (const name of ['http', 'https', 'http2']) {
    const mod = require(`node:${name}`);
    for (const key of ['request', 'get', 'connect', 'createServer', 'createSecureServer']) if (key in mod) lock(mod, key, refuse(`${name}.${key}`));
  }
  const tls = require('node:tls');
  for (const key of ['connect', 'createServer']) lock(tls, key, refuse(`tls.${key}`));
  const dgram = require('node:dgram');
  lockFunctions(dgram.Socket.prototype, 'dgram.Socket.');
  lock(dgram, 'createSocket', refuse('dgram.createSocket'));
  const dns = require('node:dns');
  const dnsPromises = require('node:dns/promises');
  lockFunctions(dns.Resolver.prototype, 'dns.Resolver.');
  lockFunctions(dnsPromises.Resolver.prototype, 'dns.promises.Resolver.');
  lockFunctions(dns, 'dns.');
  lockFunctions(dnsPromises, 'dns.promises.');
  for (const key of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
    try {
      delete globalThis[key];
    } catch {
      // not configurable: lock it instead
    }
    if (key in globalThis) lock(globalThis, key, undefined);
  }
  for (const key of ['binding', '_linkedBinding', 'dlopen', 'getBuiltinModule']) lock(process, key, refuse(`process.${key}`));
  lock(process, 'mainModule', undefined);
}

module.exports = { closeNetwork };
