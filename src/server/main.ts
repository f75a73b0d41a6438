import { buildApp } from "./app.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { listenForMetrics } from "./http/metrics.ts";
import { seedDemoIfEmpty } from "./seed/demo.ts";

async function main() {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp(config);
  if (config.seedDemo) await seedDemoIfEmpty(app);
  // One line naming the address to open: Fastify's own would name the socket (127.0.0.1), where
  // cookies and the origin checks, bound to the public URL, do not work.
  await app.listen({
    host: config.host,
    port: config.port,
    listenTextResolver: (address) => `Assista is running: open ${config.publicUrl} (listening on ${address})`,
  });
  const metrics =
    config.metrics.port === undefined
      ? undefined
      : await listenForMetrics(app.metrics, config.metrics.host, config.metrics.port);
  if (metrics) app.log.info(`Metrics at ${metrics.url}`);

  // Graceful shutdown: stop accepting, let requests in flight finish, then close the database.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    Promise.all([metrics?.close(), app.close()]).then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
