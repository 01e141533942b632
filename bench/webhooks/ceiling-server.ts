// The HTTP ceiling: a bare node:http server that only reads the body, verifies the HMAC and answers 202.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

const secret = process.argv[2] ?? 'bench-secret';
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(body).digest('hex'));
    const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
    const ok = given.length === expected.length && timingSafeEqual(given, expected);
    res.writeHead(ok ? 202 : 401, { 'content-type': 'application/json' });
    res.end(ok ? '{"accepted":true}' : '{"accepted":false}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`http://127.0.0.1:${address.port}\n`);
});
