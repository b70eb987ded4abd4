import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/**
 * The web workbench keeps secrets (SecretStorage) in the browser's localStorage, sealed with a key
 * half it fetches from POST <path>/mint-key. VS Code's bare server-main.js does not serve that route
 * (code-server's own wrapper and `code serve-web` do), so without it secrets live only until the page
 * reloads. This front door answers /mint-key with a key half kept in the user-data dir and forwards
 * everything else, WebSockets included, to the server.
 */
export function startFrontDoor({ port, upstreamPort, keyFile }) {
  const keyHalf = () => {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    return readFileSync(keyFile);
  };
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url.split('?')[0].endsWith('/mint-key')) {
      res.end(keyHalf());
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(upstreamPort, '127.0.0.1', () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const closeBoth = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', closeBoth);
    socket.on('error', closeBoth);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
