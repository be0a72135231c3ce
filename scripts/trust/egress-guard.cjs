/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (--require) by necessity */
// The no-egress guard: preloaded with --require into a process and, by
// Node's rules, into every worker thread it starts. Loopback connections
// pass (the browser host is on 127.0.0.1); any other connection, DNS lookup
// or fetch is refused and written, one JSON line each, to the file named by
// CONTINUUM_EGRESS_LOG, so that the test can count them.
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const log = process.env.CONTINUUM_EGRESS_LOG;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
function isLoopback(host) {
  return host === undefined || host === null || LOOPBACK.has(String(host).replace(/^\[|\]$/g, '')) || /^127\./.test(String(host));
}
function record(kind, target) {
  if (log) appendFileSync(log, `${JSON.stringify({ kind, target: String(target), thread: isMainThread ? 'main' : 'worker' })}\n`);
  throw new Error(`outbound network use refused: ${kind} ${target}`);
}
function hostOf(args) {
  const first = args[0];
  if (first && typeof first === 'object') return first.host ?? first.hostname ?? (first.path ? 'unix-socket' : undefined);
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  if (typeof first === 'string' && !/^\d+$/.test(first)) return 'unix-socket';
  return undefined;
}

const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = hostOf([options, args[1]]);
  if (host !== 'unix-socket' && !isLoopback(host)) record('net.connect', `${host}:${options && options.port}`);
  return connect.apply(this, args);
};
const tls = require('node:tls');
const tlsConnect = tls.connect;
tls.connect = function (...args) {
  const host = hostOf(args);
  if (!isLoopback(host)) record('tls.connect', host);
  return tlsConnect.apply(this, args);
};
for (const name of ['node:http', 'node:https']) {
  const mod = require(name);
  for (const method of ['request', 'get']) {
    const original = mod[method];
    mod[method] = function (...args) {
      const first = args[0];
      const host = typeof first === 'string' || first instanceof URL ? new URL(String(first)).hostname : first && (first.hostname ?? first.host);
      if (!isLoopback(host)) record(`${name}.${method}`, host);
      return original.apply(this, args);
    };
  }
}
const dns = require('node:dns');
for (const method of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[method];
  dns[method] = function (host, ...rest) {
    if (!isLoopback(host)) record(`dns.${method}`, host);
    return original.call(this, host, ...rest);
  };
}
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  if (!isLoopback(host)) record('dns.promises.lookup', host);
  return lookupPromise.call(this, host, ...rest);
};
if (typeof globalThis.fetch === 'function') {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    if (!isLoopback(url.hostname)) record('fetch', url.hostname);
    return originalFetch.call(this, input, init);
  };
}
