// A throw-away HTTP server on loopback whose every answer the test decides: for the hostile
// server tests, where the simulators would be too well-behaved.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  url: string;
  /** Requests received so far (`METHOD path`). */
  requests: string[];
  close(): Promise<void>;
}

export type LoopbackHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export async function startLoopback(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => handler(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers with this status, content type and body. */
export function answer(status: number, body: string, contentType = 'application/json'): LoopbackHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
}
