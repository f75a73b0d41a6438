import { describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { loopbackRedirect } from "./loopback-redirect.ts";

const ASSUMED = "http://localhost:3000";

describe("loopbackRedirect", () => {
  it("sends the other loopback spellings of the same port to the public URL, path and query kept", () => {
    expect(loopbackRedirect("127.0.0.1:3000", "/sign-up?role=client", ASSUMED)).toBe(
      "http://localhost:3000/sign-up?role=client",
    );
    expect(loopbackRedirect("[::1]:3000", "/", ASSUMED)).toBe("http://localhost:3000/");
    expect(loopbackRedirect("localhost:3000", "/x", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/x");
  });

  it("leaves the public address itself, other ports, other hosts and non-loopback public URLs alone", () => {
    expect(loopbackRedirect("localhost:3000", "/", ASSUMED)).toBeUndefined();
    expect(loopbackRedirect("LOCALHOST:3000", "/", ASSUMED)).toBeUndefined();
    expect(loopbackRedirect("127.0.0.1:4000", "/", ASSUMED)).toBeUndefined();
    expect(loopbackRedirect("192.168.1.5:3000", "/", ASSUMED)).toBeUndefined();
    expect(loopbackRedirect("127.0.0.1:3000", "/", "https://assista.example")).toBeUndefined();
    expect(loopbackRedirect("not a host", "/", ASSUMED)).toBeUndefined();
  });

  it("never leaves the app through a path that looks like another host", () => {
    expect(loopbackRedirect("127.0.0.1:3000", "//evil.example/x", ASSUMED)).toBe(
      "http://localhost:3000//evil.example/x",
    );
  });
});

describe("opening the app under 127.0.0.1 when PUBLIC_URL is not set", () => {
  it("moves page loads to http://localhost:PORT with 307; API calls there are told the address", async () => {
    const app = await createTestApp({ PUBLIC_URL: "", PORT: "3000" });
    try {
      expect(app.config.publicUrl).toBe(ASSUMED);
      const page = await app.inject({
        url: "/sign-in?next=%2Fjobs",
        headers: { host: "127.0.0.1:3000", accept: "text/html,application/xhtml+xml" },
      });
      expect(page.statusCode).toBe(307);
      expect(page.headers.location).toBe("http://localhost:3000/sign-in?next=%2Fjobs");
      // Under the assumed address itself, and for JSON, nothing moves.
      const home = await app.inject({
        url: "/api/health",
        headers: { host: "localhost:3000", accept: "text/html" },
      });
      expect(home.statusCode).toBe(200);
      const json = await app.inject({ url: "/api/health", headers: { host: "127.0.0.1:3000" } });
      expect(json.statusCode).toBe(200);
      const signUp = await app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: {
          host: "127.0.0.1:3000",
          origin: "http://127.0.0.1:3000",
          "content-type": "application/json",
        },
        payload: "{}",
      });
      expect(signUp.statusCode).toBe(403);
      expect(signUp.json()).toMatchObject({ reason: "request.wrong_address", openAt: ASSUMED });
    } finally {
      await app.close();
    }
    // With PUBLIC_URL set, the operator chose the address: nothing moves.
    const set = await createTestApp({ PUBLIC_URL: "http://localhost:3000" });
    try {
      const page = await set.inject({ url: "/", headers: { host: "127.0.0.1:3000", accept: "text/html" } });
      expect(page.statusCode).not.toBe(307);
    } finally {
      await set.close();
    }
  });
});
