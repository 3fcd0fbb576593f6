import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel } from '../../src/channels/types.js';
import type { ChannelId } from '../../src/entities/user-channel.entity.js';

export interface ProviderStats {
  total: number;
  distinct: number;
  duplicates: number;
}

export interface LoopbackProvider {
  url: string;
  /** How many times each text was accepted. */
  counts: Map<string, number>;
  stats(): ProviderStats;
  close(): Promise<void>;
}

/**
 * A stand-in SMS provider on 127.0.0.1: POST /send {to, text} answers {id} after `delayMs`, counting every
 * text it accepts; GET /stats reports totals (for a provider running in another process).
 */
export async function startLoopbackProvider(opts: { delayMs?: number; port?: number } = {}): Promise<LoopbackProvider> {
  const counts = new Map<string, number>();
  let total = 0;
  const stats = (): ProviderStats => ({ total, distinct: counts.size, duplicates: total - counts.size });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(stats()));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { text } = JSON.parse(Buffer.concat(chunks).toString()) as { text: string };
      const accept = () => {
        total += 1;
        counts.set(text, (counts.get(text) ?? 0) + 1);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `P${total}` }));
      };
      if (opts.delayMs) setTimeout(accept, opts.delayMs);
      else accept();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A channel that hands every message to a loopback provider over HTTP (keep-alive, like a provider SDK). */
export function loopbackChannel(id: ChannelId, url: string): Channel & { close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL('/send', url);
  return {
    id,
    textLimit: 1600,
    send: (to, text) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify({ to, text });
        const req = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`provider answered ${res.statusCode}`));
            else resolve({ providerMessageId: (JSON.parse(body) as { id: string }).id, segments: 1 });
          });
        });
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
