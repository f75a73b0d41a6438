import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("configuration from the environment", () => {
  it("has working defaults for a laptop", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      publicUrl: "http://localhost:3000",
      secureCookies: false,
    });
    expect(config.dataDir.endsWith("/data")).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it("lists every bad variable in one error", () => {
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", SMTP_URL: "http://mail" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(problems.sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT", "SMTP_URL"]);
    }
  });

  it("requires a secret, a public URL and SMTP in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(
      /AUTH_SECRET[\s\S]*PUBLIC_URL[\s\S]*SMTP_URL/,
    );
  });

  it("derives Secure cookies from an https public URL, and does not seed PostgreSQL by default", () => {
    const config = parseConfig({
      PUBLIC_URL: "https://assista.example/",
      DATABASE_URL: "postgres://db/assista",
    });
    expect(config.publicUrl).toBe("https://assista.example");
    expect(config.secureCookies).toBe(true);
    expect(config.seedDemo).toBe(false);
  });

  it("knows when the public URL is assumed, and reads the metrics settings", () => {
    expect(parseConfig({})).toMatchObject({
      publicUrlAssumed: true,
      metrics: { token: undefined, host: "127.0.0.1", port: undefined },
    });
    const set = parseConfig({
      PUBLIC_URL: "http://localhost:3000",
      METRICS_TOKEN: "m".repeat(32),
      METRICS_PORT: "9464",
      METRICS_HOST: "10.0.0.2",
    });
    expect(set).toMatchObject({
      publicUrlAssumed: false,
      metrics: { token: "m".repeat(32), host: "10.0.0.2", port: 9464 },
    });
    expect(() => parseConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});
