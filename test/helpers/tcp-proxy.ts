/**
 * A TCP proxy on 127.0.0.1 in front of a real server (Neo4j's bolt port in the fault tests), whose mode a
 * test switches to make the server look stuck or gone without touching the shared server itself:
 * - `pass`: bytes flow both ways;
 * - `stall`: every connection is paused (requests wait in the socket buffers, nothing answers; new
 *   connections are accepted and paused too); switching back to `pass` lets the held bytes through;
 * - `down`: every connection is cut and new ones are closed at once, as a server that went away.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'stall' | 'down';

export interface TcpProxy {
  /** The port clients connect to. */
  readonly port: number;
  /** How many client connections the proxy has accepted so far. */
  readonly accepted: number;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  let accepted = 0;
  const pairs = new Set<[Socket, Socket]>();
  const apply = ([client, upstream]: [Socket, Socket]) => {
    if (mode === 'down') {
      client.destroy();
      upstream.destroy();
    } else if (mode === 'stall') {
      client.pause();
      upstream.pause();
    } else {
      client.resume();
      upstream.resume();
    }
  };
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
    apply(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get accepted() {
      return accepted;
    },
    setMode: (next) => {
      mode = next;
      for (const pair of pairs) apply(pair);
    },
    close: async () => {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
