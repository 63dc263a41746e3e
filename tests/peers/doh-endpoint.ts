import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';
import { getFreePort } from './ports';

/** Options for the loopback DoH endpoint. */
export interface DohEndpointOptions {
  /** The DNS server it asks, "127.0.0.1:PORT" (Knot or Unbound). */
  upstream: string;
  /**
   * How TXT data is written in JSON: "quoted" like Cloudflare (each string in quotes, escapes),
   * "joined" like Google (strings concatenated, no quotes). Default "quoted".
   */
  txtStyle?: 'quoted' | 'joined';
  port?: number;
}

/** A running DoH endpoint on 127.0.0.1 speaking JSON (GET) and RFC 8484 (POST/GET ?dns=). */
export interface DohEndpoint {
  port: number;
  /** "http://127.0.0.1:PORT/dns-query" (both flavours answer here). */
  url: string;
  /** HTTP requests answered so far. */
  requests(): number;
  stop(): Promise<void>;
}

const TYPE_CODES: Record<string, number> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
};
const RCODE_CODES: Record<string, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

function askUpstream(upstream: string, query: Buffer): Promise<Buffer> {
  const colon = upstream.lastIndexOf(':');
  const host = upstream.slice(0, colon);
  const port = Number(upstream.slice(colon + 1));
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(5000, () => socket.destroy(new Error('upstream timeout')));
    let buffered = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        socket.destroy();
        resolve(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
      }
    });
    socket.on('end', () => reject(new Error('upstream closed')));
  });
}

function quoteTxt(bytes: Buffer): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

function jsonData(rr: packet.Answer, txtStyle: 'quoted' | 'joined'): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.data;
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return `${rr.data}.`;
    case 'MX':
      return `${rr.data.preference ?? 0} ${rr.data.exchange}.`;
    case 'TXT': {
      const parts = (Array.isArray(rr.data) ? rr.data : [rr.data]).map((p) => Buffer.from(p));
      return txtStyle === 'quoted'
        ? parts.map(quoteTxt).join(' ')
        : Buffer.concat(parts).toString('utf8');
    }
    case 'SOA': {
      const d = rr.data;
      return `${d.mname}. ${d.rname}. ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    }
    default:
      return '';
  }
}

function toJsonRrs(list: packet.Answer[] | undefined, txtStyle: 'quoted' | 'joined'): object[] {
  return (list ?? [])
    .filter((rr) => rr.type !== 'OPT' && TYPE_CODES[rr.type] !== undefined)
    .map((rr) => ({
      name: `${rr.name}.`,
      type: TYPE_CODES[rr.type],
      TTL: 'ttl' in rr ? rr.ttl : 0,
      data: jsonData(rr, txtStyle),
    }));
}

async function answerJson(
  url: URL,
  options: DohEndpointOptions,
  res: ServerResponse,
): Promise<void> {
  const name = url.searchParams.get('name') ?? '';
  const type = (url.searchParams.get('type') ?? 'A').toUpperCase() as packet.RecordType;
  if (!name || TYPE_CODES[type] === undefined) {
    res.writeHead(400).end('bad question');
    return;
  }
  const query = packet.encode({
    type: 'query',
    id: randomInt(0, 65536),
    flags: packet.RECURSION_DESIRED,
    questions: [{ type, name }],
  });
  const response = packet.decode(
    await askUpstream(options.upstream, query),
  ) as packet.DecodedPacket & {
    rcode?: string;
  };
  const txtStyle = options.txtStyle ?? 'quoted';
  const body: Record<string, unknown> = {
    Status: RCODE_CODES[response.rcode ?? 'NOERROR'] ?? 2,
    TC: response.flag_tc,
    RD: true,
    RA: response.flag_ra,
    AD: false,
    CD: false,
    Question: [{ name: `${name.replace(/\.$/, '')}.`, type: TYPE_CODES[type] }],
  };
  const answers = toJsonRrs(response.answers, txtStyle);
  const authority = toJsonRrs(response.authorities, txtStyle);
  if (answers.length > 0) body.Answer = answers;
  if (authority.length > 0) body.Authority = authority;
  res.writeHead(200, { 'content-type': 'application/dns-json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: DohEndpointOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/dns-query' && url.pathname !== '/resolve') {
    res.writeHead(404).end();
    return;
  }
  if (req.method === 'POST') {
    const answer = await askUpstream(options.upstream, await readBody(req));
    res.writeHead(200, { 'content-type': 'application/dns-message' }).end(answer);
    return;
  }
  const dnsParam = url.searchParams.get('dns');
  if (dnsParam) {
    const answer = await askUpstream(options.upstream, Buffer.from(dnsParam, 'base64url'));
    res.writeHead(200, { 'content-type': 'application/dns-message' }).end(answer);
    return;
  }
  await answerJson(url, options, res);
}

/**
 * Start a small DNS-over-HTTP endpoint on loopback (plain HTTP: the client side is the same)
 * that answers by asking `upstream` over TCP. JSON like Cloudflare/Google for GET ?name=&type=,
 * RFC 8484 for POST application/dns-message and GET ?dns=.
 */
export async function startDohEndpoint(options: DohEndpointOptions): Promise<DohEndpoint> {
  const port = options.port ?? (await getFreePort());
  let count = 0;
  const server = createServer((req, res) => {
    count += 1;
    handle(req, res, options).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(502).end(err.message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    url: `http://127.0.0.1:${port}/dns-query`,
    requests: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
