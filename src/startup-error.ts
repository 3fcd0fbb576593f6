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
  const why: Record<string, string> = {
    EADDRINUSE: 'it is already in use by another process. Stop that process or set PORT to a free port.',
    EACCES: 'permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.',
    EADDRNOTAVAIL: `HOST=${where.host} is not an address of this machine. Use 127.0.0.1, or 0.0.0.0 for every interface.`,
    ENOTFOUND: `HOST=${where.host} is not an address of this machine. Use 127.0.0.1, or 0.0.0.0 for every interface.`,
  };
  const reason = code ? why[code] : undefined;
  return reason ? new StartupError(`Cannot listen on port ${where.port} on ${where.host}: ${reason}`, { cause: err }) : err;
}
