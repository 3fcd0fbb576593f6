import net from 'node:net';

export interface TcpProxy {
  url: string;
  /** Refuses new connections and cuts the open ones: the database is "down". */
  down(): Promise<void>;
  /** Accepts connections again on the same port. */
  up(): Promise<void>;
  /** Keeps listening but cuts every connection at once, counting them: a server that never answers. */
  cut(): Promise<void>;
  /** Connections cut since the proxy started. */
  readonly cutConnections: number;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of a database URL, so a test can take the database away and bring it back. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let cutting = false;
  let cutConnections = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = net.createServer((client) => {
        if (cutting) {
          cutConnections++;
          return void client.destroy();
        }
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  const url = new URL(targetUrl);
  url.port = String(port);
  url.hostname = '127.0.0.1';
  const dropOpen = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    url: url.toString(),
    down,
    up: async () => {
      cutting = false;
      await listen();
    },
    cut: async () => {
      cutting = true;
      dropOpen();
      await listen();
    },
    get cutConnections() {
      return cutConnections;
    },
    close: down,
  };
}
