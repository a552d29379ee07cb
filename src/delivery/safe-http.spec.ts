import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkReceiverUrl, isAllowedAddress, parseReceiverUrl, postGuarded } from './safe-http.js';

const strict = { allowInsecure: false, allowPrivate: false };

describe('receiver URL rules (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', '0.0.0.0', '::ffff:127.0.0.1', '100.64.0.1'])(
    'refuses %s',
    (address) => expect(isAllowedAddress(address, strict)).toBe(false),
  );

  it('accepts public addresses, and anything when private ones are allowed', () => {
    expect(isAllowedAddress('93.184.216.34', strict)).toBe(true);
    expect(isAllowedAddress('2606:2800:220:1::248', strict)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', { allowInsecure: false, allowPrivate: true })).toBe(true);
  });

  it('requires https unless insecure URLs are allowed, and refuses credentials in the URL', () => {
    expect(() => parseReceiverUrl('http://receiver.example/events', strict)).toThrow('https');
    expect(parseReceiverUrl('http://receiver.example/events', { allowInsecure: true, allowPrivate: false }).protocol).toBe('http:');
    expect(() => parseReceiverUrl('https://user:pw@receiver.example/events', strict)).toThrow('credentials');
    expect(() => parseReceiverUrl('not a url', strict)).toThrow('absolute');
  });

  it('checks every address a name resolves to', async () => {
    await expect(checkReceiverUrl('https://localhost/events', strict)).rejects.toThrow('loopback');
    await expect(checkReceiverUrl('https://[::1]/events', strict)).rejects.toThrow('loopback');
    await expect(checkReceiverUrl('https://127.0.0.1/events', { allowInsecure: false, allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });

  it('checks the address again at delivery: a name that resolves to loopback is refused at the connection', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(202).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const insecureOnly = { allowInsecure: true, allowPrivate: false };
      await expect(postGuarded(`http://localhost:${port}/events`, {}, 'x', 1000, insecureOnly)).rejects.toThrow('disallowed address');
      await expect(postGuarded(`http://127.0.0.1:${port}/events`, {}, 'x', 1000, insecureOnly)).rejects.toThrow('not allowed');
      expect(hits).toBe(0);
      const res = await postGuarded(`http://localhost:${port}/events`, {}, 'x', 1000, { allowInsecure: true, allowPrivate: true });
      expect(res.status).toBe(202);
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });

  it('keeps the connection to a receiver alive across deliveries, and opens a new one when the kept one was closed', async () => {
    let connections = 0;
    const open = new Set<import('node:net').Socket>();
    const server = createServer((_req, res) => res.writeHead(202).end());
    server.on('connection', (socket) => {
      connections++;
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const loopback = { allowInsecure: true, allowPrivate: true };
    try {
      for (let i = 0; i < 5; i++) expect((await postGuarded(url, {}, `e${i}`, 1000, loopback)).status).toBe(202);
      expect(connections).toBe(1);
      // The receiver drops its idle connections (a restart, an idle timeout): the next delivery still gets through.
      for (const socket of open) socket.destroy();
      expect((await postGuarded(url, {}, 'after', 1000, loopback)).status).toBe(202);
      expect(connections).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
