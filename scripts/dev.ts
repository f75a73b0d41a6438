// npm run dev: the API with --watch on API_PORT (3001) and Vite's hot-reloading dev server on PORT
// (3000), which proxies /api, /dev and /metrics to the API. Open http://localhost:3000.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3000";
const apiPort = process.env.API_PORT ?? "3001";
const env = { ...process.env, API_PORT: apiPort };

const api = spawn(process.execPath, ["--watch", "src/server/main.ts"], {
  stdio: "inherit",
  // The browser talks to Vite's origin; auth checks origins and builds links against it.
  env: { ...env, PORT: apiPort, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}` },
});
const web = spawn("node_modules/.bin/vite", ["--port", port, "--strictPort"], { stdio: "inherit", env });

const stop = () => {
  api.kill("SIGTERM");
  web.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of [api, web])
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
