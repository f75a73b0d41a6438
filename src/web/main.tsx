import "./mantine-styles.ts";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { i18nReady } from "./i18n/index.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// The first paint is in the reader's language, never in keys: its texts load first (i18n/index.ts).
await i18nReady;
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
