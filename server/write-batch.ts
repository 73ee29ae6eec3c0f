/**
 * One write per client per flush. A flush broadcasts each changed topic to
 * its room, so a client on seven topics would get up to seven WebSocket
 * frames, each its own writev() system call: with 1,000 clients that was
 * the largest cost on the main thread. While `send` runs, each websocket
 * client's engine.io connection holds its packets (its transport is marked
 * busy, as it is while a write is in flight); afterwards they are flushed
 * into a corked TCP socket, which writes them out together.
 *
 * This leans on engine.io's Socket (writeBuffer, flush(), transport.writable)
 * and ws's socket field: stable for years, and the protocol tests go through it.
 */
import type { Socket as NetSocket } from "node:net";
import type { Server } from "socket.io";

interface EngineConn {
  writeBuffer: unknown[];
  flush(): void;
  transport?: { name: string; writable: boolean; socket?: { _socket?: NetSocket } };
}

export function batchWrites(io: Server, send: () => void): void {
  const held: EngineConn[] = [];
  for (const s of io.sockets.sockets.values()) {
    const conn = s.conn as unknown as EngineConn;
    const t = conn.transport;
    // A client mid-write (or on long polling) keeps its own buffering.
    if (t?.name !== "websocket" || !t.writable) continue;
    t.writable = false;
    held.push(conn);
  }
  try {
    send();
  } finally {
    for (const conn of held) {
      const t = conn.transport!;
      t.writable = true;
      if (conn.writeBuffer.length === 0) continue;
      const raw = t.socket?._socket;
      raw?.cork();
      conn.flush();
      raw?.uncork();
    }
  }
}
