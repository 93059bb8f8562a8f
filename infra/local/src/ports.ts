import net from 'node:net';

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something already listens on the port. */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export async function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await portInUse(port, host)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

/**
 * Starts something on a port chosen by `choose`, choosing again (up to `attempts` times) when the
 * port was taken between the choice and the bind — a free port is only free when asked: any
 * outgoing connection of the machine may get it as its own port meanwhile (seen: the gateway's
 * EADDRINUSE in a fresh-clone run while other packages' tests opened connections).
 */
export async function onFreePort<T>(
  choose: () => Promise<number>,
  start: (port: number) => Promise<T>,
  attempts = 3,
  say: (m: string) => void = () => {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await choose();
    try {
      return await start(port);
    } catch (e) {
      if (attempt >= attempts || !/EADDRINUSE/.test(String((e as Error)?.message ?? e))) throw e;
      say(`port ${port} was taken meanwhile; choosing another`);
    }
  }
}
