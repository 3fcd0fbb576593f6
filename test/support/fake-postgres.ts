import net from 'node:net';

export interface RefusingPostgres {
  /** A DATABASE_URL for this server, with the user and database given. */
  url(user: string, database: string): string;
  close(): Promise<void>;
}

/** A PostgreSQL server on loopback that refuses every session with one error, as a real one does (an ErrorResponse). */
export async function startRefusingPostgres(error: { code: string; message: string }): Promise<RefusingPostgres> {
  const fields = [['S', 'FATAL'], ['V', 'FATAL'], ['C', error.code], ['M', error.message]].map(([type, value]) => `${type}${value}\0`);
  const body = Buffer.from(`${fields.join('')}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(Buffer.concat([header, body]))); // after the client's startup message
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: (user, database) => `postgres://${user}@127.0.0.1:${port}/${database}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
