import { Buffer } from 'node:buffer';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import * as packet from 'dns-packet';
import { getFreePort } from './ports';

/** What the scripted server sends back for one query: datagrams / TCP messages, in order. */
export type Script = (query: packet.DecodedPacket, via: 'udp' | 'tcp') => Buffer[];

/** A running scripted server. */
export interface ScriptedDns {
  port: number;
  address: string;
  stop(): Promise<void>;
}

/**
 * A DNS server that answers from a script: for misbehaviour no real server produces on demand
 * (forged ids, answers to another question, garbage, a TCP side that hangs up). Real answers
 * come from Knot and Unbound, never from here.
 */
export async function startScriptedDns(script: Script): Promise<ScriptedDns> {
  const port = await getFreePort();
  const udp = createSocket('udp4');
  udp.on('message', (msg, peer) => {
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return;
    }
    for (const reply of script(query, 'udp')) udp.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', () => resolve()));
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      const query = packet.decode(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
      const replies = script(query, 'tcp');
      if (replies.length === 0) {
        socket.end();
        return;
      }
      for (const reply of replies) {
        const length = Buffer.alloc(2);
        length.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([length, reply]));
      }
    });
  });
  await new Promise<void>((resolve) => tcp.listen(port, '127.0.0.1', () => resolve()));
  return {
    port,
    address: `127.0.0.1:${port}`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

/** A response to `query` with the given answers (and optional overrides), encoded. */
export function reply(
  query: packet.DecodedPacket,
  answers: packet.Answer[],
  overrides: Partial<packet.Packet> = {},
): Buffer {
  return packet.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: packet.AUTHORITATIVE_ANSWER,
    questions: query.questions ?? [],
    answers,
    ...overrides,
  });
}
