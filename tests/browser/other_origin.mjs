// other_origin.mjs: a second loopback server for sandbox tests. Its own port makes it
// another origin; it records everything that reaches it (requests, WebSocket upgrades, bare
// connections), so a test can point hostile code at it and expect it to hear nothing.
import http from 'node:http';

export function otherOrigin() {
  const heard = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    // Answers as generously as it can, so an attempt that gets out also gets a reply.
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' });
    res.end('// reached');
  });
  server.on('upgrade', (req, socket) => { heard.push(`upgrade ${req.url}`); socket.destroy(); });
  server.on('connection', () => { connections += 1; });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        ws: `ws://127.0.0.1:${port}/`,
        heard,
        connections: () => connections,
        close: () => { server.closeAllConnections(); server.close(); },
      });
    });
  });
}
