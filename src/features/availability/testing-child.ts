import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Role } from "../accounts/schema.ts";

// The app in a child process, listening on 127.0.0.1, for tests that watch it from outside: a
// server whose event loop is held cannot be watched (nor its test time out) from its own process.
// The test talks HTTP to it and asks the child, over IPC, for what needs the app's own hands
// (a signed-in user's cookie, a run of the subscription sweep).

type Command = { type: "signIn"; roles: Role[] } | { type: "syncDue"; at: string } | { type: "close" };
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export interface ChildApp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** A `cookie` header of a verified user with these roles, signed in. */
  signIn(roles: Role[]): Promise<string>;
  /** The subscription sweep (service.syncDue) as of `at`; resolves to the subscriptions it saw. */
  syncDue(at: Date): Promise<number>;
  /** Closes the app; kills the process when it does not answer (its event loop held). */
  close(): Promise<void>;
}

/** Starts the app in a child process with these settings (as createTestApp takes them). */
export async function startChildApp(env: Record<string, string>): Promise<ChildApp> {
  const child = fork(fileURLToPath(import.meta.url), ["--child"], {
    env: { ...process.env, ASSISTA_CHILD_ENV: JSON.stringify(env) },
    // Plain Node, not the test runner's loader: the sources run as `node src/server/main.ts` does.
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [{ port: number }];
  let next = 0;
  const ask = (command: Command, timeoutMs = 60_000) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(
        () => reject(new Error(`child app did not answer ${command.type}`)),
        timeoutMs,
      );
      const onReply = (reply: Reply) => {
        if (reply.id !== id) return;
        clearTimeout(timer);
        child.off("message", onReply);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      child.on("message", onReply);
      child.send({ id, ...command });
    });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    signIn: async (roles) => (await ask({ type: "signIn", roles })) as string,
    syncDue: async (at) => (await ask({ type: "syncDue", at: at.toISOString() })) as number,
    close: () => closeChild(child),
  };
}

async function closeChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.send({ id: 0, type: "close" });
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000); // held: SIGTERM would not be heard either
  await exited;
  clearTimeout(timer);
}

async function serveAsChild() {
  const { createTestApp } = await import("../../server/testing/app.ts");
  const { signedIn } = await import("../../server/testing/http.ts");
  const app = await createTestApp(JSON.parse(process.env.ASSISTA_CHILD_ENV ?? "{}"));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const send = (message: unknown) => process.send?.(message);
  // Exits once closed: an idle worker thread or a pool's timer must not keep it around.
  const close = async () => {
    await app.close();
    process.exit(0);
  };
  process.on("disconnect", () => void close());
  process.on("message", async ({ id, ...command }: Command & { id: number }) => {
    try {
      if (command.type === "signIn") {
        const browser = await signedIn(app, command.roles);
        const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
        send({ id, result: cookie });
      } else if (command.type === "syncDue") {
        send({ id, result: await app.services.availability.syncDue(new Date(command.at)) });
      } else {
        await close();
      }
    } catch (error) {
      send({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ port: (app.server.address() as AddressInfo).port });
}

if (process.argv.includes("--child") && process.send) await serveAsChild();
