/** A start-up failure whose message says what to fix: printed alone, without a stack. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Why the HTTP server could not listen, in terms of HOST and PORT. */
export function explainListenError(err: Error, where: { host: string; port: number }): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const at = `port ${where.port} on ${where.host}`;
  if (code === 'EADDRINUSE') {
    return new StartupError(`Cannot listen on ${at}: it is already in use by another process. Stop that process or set PORT to a free port.`, { cause: err });
  }
  if (code === 'EACCES') return new StartupError(`Cannot listen on ${at}: permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.`, { cause: err });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new StartupError(`Cannot listen on ${at}: HOST=${where.host} is not an address of this machine. Use 127.0.0.1, or 0.0.0.0 for every interface.`, { cause: err });
  }
  return err;
}
