// serve.mjs DIR PORT: a small static file server for the built page, on 127.0.0.1 only.
// Nothing a client sends can stop it: every request gets an answer (bad encoding 400, a
// path outside DIR or a missing file 404, other methods 405, a long URL 414, a malformed
// request 400), and a failed read or a vanished client only ends that one response.
// The browser tests serve the page with the same server (createSiteServer).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { pathToFileURL } from 'node:url';

const maxUrlLength = 4096;  // the page's own URLs are short; share links live in the fragment
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };
// No file needs a header of its own: the page carries every policy it relies on (the coding
// challenge's frame gets its own from the page), so any static host serves it as well.

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text),
    ...headers });
  res.end(text);
}

// The file a request path names inside dir, or the status that refuses it.
function fileFor(dir, url) {
  const pathPart = url.split(/[?#]/, 1)[0];
  if (!pathPart.startsWith('/')) return { status: 400 };
  let decoded;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return { status: 400 };  // malformed percent-encoding such as "/%" or "/%E0%A4%A"
  }
  if (decoded.includes('\0')) return { status: 400 };
  const file = path.join(dir, decoded === '/' ? '/index.html' : decoded);
  return file.startsWith(dir + path.sep) ? { file } : { status: 404 };
}

const refusals = { 400: 'bad request\n', 404: 'not found\n', 414: 'URL too long\n' };

// A test may rewrite a file as it is served (transform(pathname, bytes) -> bytes).
function serveTransformed(req, res, file, transform, headers) {
  fs.readFile(file, (error, bytes) => {
    if (error) return sendText(res, 404, refusals[404]);
    const body = transform(new URL(req.url, 'http://x').pathname, bytes);
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

function serveFile(req, res, file, options) {
  // Non-blocking open: a FIFO in the folder must not tie up a thread waiting for a writer.
  fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK, (openError, fd) => {
    if (openError) return sendText(res, 404, refusals[404]);
    fs.fstat(fd, (statError, stats) => {
      if (statError || !stats.isFile()) {
        fs.close(fd, () => {});
        return sendText(res, 404, refusals[404]);
      }
      const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
      if (options.transform) {
        fs.close(fd, () => {});
        return serveTransformed(req, res, file, options.transform, headers);
      }
      res.writeHead(200, { ...headers, 'Content-Length': stats.size });
      if (req.method === 'HEAD') {
        fs.close(fd, () => {});
        return res.end();
      }
      // pipeline closes the file when the client goes away and reports a read error here.
      pipeline(fs.createReadStream(null, { fd }), res, (error) => {
        if (error) res.destroy();
      });
    });
  });
}

function handle(dir, options, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  if (req.url.length > maxUrlLength) return sendText(res, 414, refusals[414]);
  const target = fileFor(dir, req.url);
  if (target.status) return sendText(res, target.status, refusals[target.status]);
  serveFile(req, res, target.file, options);
}

// A server (not yet listening) for the site in `dir`.
export function createSiteServer(dir, { transform = null } = {}) {
  const root = path.resolve(dir);
  const options = { transform };
  const server = http.createServer((req, res) => {
    try {
      handle(root, options, req, res);
    } catch (error) {
      console.error(`serve.mjs: ${req.method} ${req.url.slice(0, 200)}: ${error.message}`);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'server error\n');
    }
  });
  // A request node cannot parse (a garbage request line, headers too large) never reaches
  // the handler: answer it here rather than leave the client waiting.
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}

function main() {
  const dir = process.argv[2] || 'build/site';
  const port = Number(process.argv[3] || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: the port must be a number from 0 to 65535, not '${process.argv[3]}'`);
    process.exit(2);
  }
  const server = createSiteServer(dir);
  server.on('error', (error) => {
    console.error(`serve.mjs: cannot serve on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
