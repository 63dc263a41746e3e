import { createSocket } from 'node:dgram';
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Knot and Unbound bind with SO_REUSEPORT: two of them given the same port both start and
// the kernel splits the queries between them. Test files run in parallel processes, so a port
// is reserved across processes with a lock file before it is handed out.
const LOCK_DIR = join(tmpdir(), 'mailwright-test-ports');
// Below Linux's ephemeral range (32768-60999), so no client socket takes the port meanwhile.
const RANGE_START = 20000;
const RANGE_END = 32000;

const reserved: string[] = [];
let exitHookInstalled = false;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** Reserve a port for this process; a lock left by a dead process is taken over. */
function reserve(port: number): boolean {
  mkdirSync(LOCK_DIR, { recursive: true });
  const path = join(LOCK_DIR, String(port));
  let won = writeLock(path);
  if (!won) {
    const owner = Number(readFileSync(path, { encoding: 'utf8', flag: 'r' }) || 0);
    if (owner && processAlive(owner)) return false;
    rmSync(path, { force: true });
    won = writeLock(path);
  }
  if (!won) return false;
  reserved.push(path);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const p of reserved) rmSync(p, { force: true });
    });
  }
  return true;
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.unref();
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ port, address: '127.0.0.1', exclusive: true }, () =>
      socket.close(() => resolve(true)),
    );
  });
}

/**
 * Get a free port: free for both TCP and UDP on 127.0.0.1, and reserved for this process so no
 * other test process gets it. Never hardcode ports in tests; call this instead.
 */
export async function getFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = RANGE_START + Math.floor(Math.random() * (RANGE_END - RANGE_START));
    if (!reserve(port)) continue;
    if ((await tcpFree(port)) && (await udpFree(port))) return port;
  }
  throw new Error('getFreePort: no port free for both TCP and UDP after 200 attempts');
}
