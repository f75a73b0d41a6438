import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompressDir } from "./scripts/precompress.ts";

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;

/** After the bundle is written: .br and .gz beside each asset, for the server to send as they are. */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "assista-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir.startsWith("/")
        ? config.build.outDir
        : `${config.root}/${config.build.outDir}`;
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}

export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // Hashed names let the server cache everything under /assets/ immutably.
    assetsDir: "assets",
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "app", tags: ["$initial"] }],
        },
      },
    },
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
});
