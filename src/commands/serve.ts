// `yjkg serve`: the explorer over HTTP on the loopback interface, for a graph.json on disk.
// node:http only. The page is rendered per request, so a rebuild shows on reload.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { renderExplorerHtml } from '../export/html.js';
import { unreadableReason, UsageError } from './errors.js';

/** What to do with a graph the explorer cannot take. */
const TOO_LARGE_HINT = 'the explorer is for graphs a browser can draw; load it into Neo4j with `yjkg load`, which streams any size, or open graph.gexf in Gephi';

export const DEFAULT_PORT = 8765;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  graph: string;
  port: number;
  host?: string;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Starts the server; resolves once it listens (port 0 picks a free port: read server.address()). */
export async function startServer(options: ServeOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('method not allowed\n');
      return;
    }
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (path !== '/' && path !== '/index.html' && path !== '/graph.json') {
      send(404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    readFile(options.graph, 'utf8')
      .then(async (text) => {
        if (path === '/graph.json') send(200, 'application/json; charset=utf-8', text);
        else send(200, 'text/html; charset=utf-8', await renderExplorerHtml(text));
      })
      .catch((error: Error) => send(500, 'text/plain; charset=utf-8', `${options.graph}: ${error.message}\n`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the Sigma.js explorer for a graph.json over HTTP (loopback only)')
    .option('-g, --graph <file>', '[path] graph.json written by `yjkg build`', 'out/graph.json')
    .option('-p, --port <n>', `[number] TCP port on ${DEFAULT_HOST}`, String(DEFAULT_PORT))
    .action(async (options: { graph: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got ${options.port})`);
      // Fail now, with the file's name, rather than on the first request.
      let text: string;
      try {
        text = await readFile(options.graph, 'utf8');
      } catch (error) {
        const reason = unreadableReason(error, TOO_LARGE_HINT);
        const hint = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '; run `yjkg build` first or pass --graph FILE' : '';
        throw new UsageError(`${options.graph}: cannot read the graph (${reason})${hint}`);
      }
      try {
        JSON.parse(text);
      } catch (error) {
        throw new UsageError(`${options.graph}: not JSON (${(error as Error).message})`);
      }
      await renderExplorerHtml('{}').catch((error: Error) => {
        throw new UsageError(error.message);
      });
      const server = await startServer({ graph: options.graph, port }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot listen on ${DEFAULT_HOST}:${port} (${error.code ?? error.message})`);
      });
      const { port: actual } = server.address() as AddressInfo;
      process.stdout.write(`yjkg explorer for ${options.graph}: http://${DEFAULT_HOST}:${actual}/  (Ctrl-C to stop)\n`);
      // Keep running until interrupted; the action's promise resolves only then.
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
