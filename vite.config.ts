import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // Hashed names let the server cache everything under /assets/ immutably.
    assetsDir: "assets",
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy: {
      "/api": { target: apiTarget, ws: true },
      "/dev": { target: apiTarget },
      "/metrics": { target: apiTarget },
    },
  },
  // Vitest reads this file too (there is no vitest.config.ts): without these lines it would look for
  // tests only below the web root and would pick up the Playwright specs in e2e/.
  test: {
    dir: repoRoot,
    exclude: [...configDefaults.exclude, "e2e/**", "dist/**", "data/**"],
  },
});
