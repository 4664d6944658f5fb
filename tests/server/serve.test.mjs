// serve.test.mjs: scripts/serve.mjs answers hostile and malformed requests with a status
// and keeps serving: raw requests over a socket (so nothing is cleaned up on the way),
// then an ordinary GET / must still return the page. Plain node, built-ins only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const serveScript = path.resolve(here, '../../scripts/serve.mjs');
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

// Sends text as is and collects everything until the server closes the connection; a
// server that neither answers nor closes within the time is a failure, not a wait.
function raw(port, text, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'no answer' }), timeoutMs);
    socket.on('connect', () => socket.write(text));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});  // a reset after the answer is fine; the answer decides
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
      const split = response.indexOf('\r\n\r\n');
      finish({ status: match ? Number(match[1]) : 'no status line', head: response.slice(0, split),
        body: split >= 0 ? response.slice(split + 4) : '' });
    });
  });
}

const get = (target, method = 'GET') => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;

async function waitUntilListening(port) {
  for (let k = 0; k < 100; ++k) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('serve.mjs did not start listening');
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
const page = '<!doctype html><title>serve test</title>\n';
fs.writeFileSync(path.join(site, 'index.html'), page);
const port = await freePort();
const server = spawn(process.execPath, [serveScript, site, String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
let exited = null;
server.on('exit', (code, signal) => { exited = `exited with ${signal || code}`; });

try {
  await waitUntilListening(port);
  const cases = [
    ['malformed percent-encoding /%', get('/%'), [400]],
    ['truncated UTF-8 escape /%E0%A4%A', get('/%E0%A4%A'), [400]],
    ['encoded traversal /..%2f..%2fetc/passwd', get('/..%2f..%2fetc/passwd'), [404]],
    ['plain traversal /../../etc/passwd', get('/../../etc/passwd'), [404]],
    ['POST', `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi`, [405]],
    ['a 6 KB URL', get('/' + 'a'.repeat(6 * 1024)), [414]],
    ['a 100 KB URL (past node\'s header limit)', get('/' + 'a'.repeat(100 * 1024)), [414, 431]],
    ['a garbage request line', '\x01\x02 not http at all\r\n\r\n', [400]],
  ];
  for (const [name, request, expected] of cases) {
    const { status } = await raw(port, request);
    check(expected.includes(status), `${name}: ${status} (expected ${expected.join(' or ')})`);
    const after = await raw(port, get('/'));
    check(after.status === 200 && after.body === page, `GET / still returns the page after ${name} (${after.status})`);
  }
  const head = await raw(port, get('/', 'HEAD'));
  check(head.status === 200 && head.body === '', `HEAD / is 200 without a body (${head.status})`);
  check(exited === null, `the server is still running at the end (${exited || 'running'})`);
} finally {
  server.kill();
  fs.rmSync(site, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`serve.test.mjs: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('serve.test.mjs: ok');
