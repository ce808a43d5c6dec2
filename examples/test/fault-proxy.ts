// A broken network between the browser and the agency, for end-to-end tests: an HTTP proxy in front of the real
// server that, for requests matching a method and path, fails (503), hangs (the client times out), drops the
// connection before the agency sees the request, or lets the agency store it and drops the answer.
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'fail' | 'hang' | 'drop-before' | 'drop-after';

export async function faultProxy(target: string) {
  const upstream = new URL(target);
  const scripts: { method: string; path: RegExp; faults: Fault[] }[] = [];
  const defaults: { method: string; path: RegExp; fault: Fault }[] = [];
  const hanging = new Set<ServerResponse>();
  const faultOf = (method: string, path: string): Fault => {
    const scripted = scripts.find((s) => s.method === method && s.path.test(path) && s.faults.length > 0);
    if (scripted) return scripted.faults.shift()!;
    return defaults.find((d) => d.method === method && d.path.test(path))?.fault ?? 'pass';
  };
  const proxy = createServer((req, res) => {
    const fault = faultOf(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname);
    if (fault === 'fail') return void req.resume().on('end', () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}'));
    if (fault === 'hang') return void (req.resume(), hanging.add(res));
    if (fault === 'drop-before') return void req.socket.destroy();
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      if (fault === 'drop-after') return void answer.resume().on('end', () => req.socket.destroy());
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    /** The next requests matching `method` and `path` meet these faults, in order. */
    script: (method: string, path: RegExp, faults: Fault[]) => void scripts.push({ method, path, faults: [...faults] }),
    /** Requests matching meet `fault` once the scripted ones are used up (latest first). */
    otherwise: (method: string, path: RegExp, fault: Fault) => void defaults.unshift({ method, path, fault }),
    remaining: () => scripts.flatMap((s) => s.faults),
    close: async () => {
      for (const res of hanging) res.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
    },
  };
}
