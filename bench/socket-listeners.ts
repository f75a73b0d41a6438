// A worker thread holding the bench's live connections, so receiving thousands of frames a second
// does not share an event loop with the load generator and delay its timing (or the reverse).
// It reports each received message with the absolute time of receipt, in batches.
import { parentPort, workerData } from "node:worker_threads";
import { WebSocket } from "ws";

export interface Listener {
  userId: string;
  cookie: string;
  port: number;
}
export interface Receipt {
  key: string;
  userId: string;
  /** performance.timeOrigin + performance.now() at receipt: comparable across threads. */
  at: number;
  /** The server's time of the message. */
  createdAt: string;
}

const { listeners, origin } = workerData as { listeners: Listener[]; origin: string };
const port = parentPort;
if (!port) throw new Error("run as a worker");
const sockets: WebSocket[] = [];
let batch: Receipt[] = [];
const flush = () => {
  if (batch.length) port.postMessage({ type: "receipts", receipts: batch });
  batch = [];
};
const ticker = setInterval(flush, 50);

await Promise.all(
  listeners.map(
    (l) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${l.port}/api/ws`, {
          headers: { cookie: l.cookie, origin },
        });
        sockets.push(socket);
        socket.on("message", (raw) => {
          const at = performance.timeOrigin + performance.now();
          const event = JSON.parse(raw.toString()) as {
            type: string;
            data: { message?: { body?: string; createdAt?: string } };
          };
          if (event.type !== "message.created") return;
          batch.push({
            key: event.data.message?.body ?? "",
            userId: l.userId,
            at,
            createdAt: event.data.message?.createdAt ?? "",
          });
        });
        socket.once("message", () => resolve());
        socket.once("error", reject);
      }),
  ),
);
port.postMessage({ type: "ready" });
port.on("message", (message: { type: string }) => {
  if (message.type !== "stop") return;
  clearInterval(ticker);
  flush();
  for (const s of sockets) s.terminate();
  port.postMessage({ type: "stopped" });
  port.close();
});
