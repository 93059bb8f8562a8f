import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, onFreePort } from '../src/ports';

const listen = (port: number) =>
  new Promise<net.Server>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });

describe('onFreePort', () => {
  it('chooses again when the chosen port was taken before the bind, and only then', async () => {
    const taken = await listen(0);
    const takenPort = (taken.address() as net.AddressInfo).port;
    const chosen: number[] = [];
    const said: string[] = [];
    try {
      const srv = await onFreePort(
        async () => {
          chosen.push(chosen.length === 0 ? takenPort : await freePort());
          return chosen.at(-1)!;
        },
        listen,
        3,
        (m) => said.push(m),
      );
      expect(chosen).toHaveLength(2);
      expect((srv.address() as net.AddressInfo).port).toBe(chosen[1]);
      expect(said).toEqual([`port ${takenPort} was taken meanwhile; choosing another`]);
      srv.close();
      // Any other failure, or the last attempt, is not retried.
      await expect(onFreePort(async () => takenPort, listen, 1)).rejects.toThrow(/EADDRINUSE/);
      let tries = 0;
      await expect(
        onFreePort(
          async () => ++tries,
          async () => {
            throw new Error('gateway exited during start: bad config');
          },
        ),
      ).rejects.toThrow('bad config');
      expect(tries).toBe(1);
    } finally {
      taken.close();
    }
  });
});
