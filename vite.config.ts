import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
});
