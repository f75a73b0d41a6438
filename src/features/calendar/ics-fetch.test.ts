import type { LookupAddress } from "node:dns";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  type FetchedResponse,
  type FetchIcsOptions,
  type FetchLike,
  fetchIcs,
  IcsUrlError,
} from "./ics-fetch.ts";
import { reasonOf } from "./testing.ts";

const CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A real HTTP server on 127.0.0.1 for one test; its URL without a trailing slash. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The reason of a refusal: an IcsUrlError's, not merely any reason. */
async function reason(promise: Promise<unknown>): Promise<string> {
  const caught = promise.catch((err: unknown) => {
    if (!(err instanceof IcsUrlError)) throw new Error(`not an IcsUrlError: ${String(err)}`);
    throw err;
  });
  return reasonOf(caught);
}

const local: FetchIcsOptions = { allowPrivate: true, timeoutMs: 2_000 };

describe("fetching a subscribed calendar", () => {
  it("returns the body of a calendar", async () => {
    const base = await serve((_req, res) =>
      res.writeHead(200, { "content-type": "text/calendar" }).end(CALENDAR),
    );
    expect(await fetchIcs(`${base}/cal.ics`, local)).toBe(CALENDAR);
  });

  it("follows up to maxRedirects redirects and refuses one more", async () => {
    const base = await serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      if (hop < 3) res.writeHead(302, { location: `/${hop + 1}` }).end();
      else res.writeHead(200).end(CALENDAR);
    });
    expect(await fetchIcs(`${base}/0`, { ...local, maxRedirects: 3 })).toBe(CALENDAR);
    expect(await reason(fetchIcs(`${base}/0`, { ...local, maxRedirects: 2 }))).toBe(
      "ics_url.too_many_redirects",
    );
  });

  it("gives up at the deadline, whether the server never answers or stalls in the body", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/body") res.writeHead(200).write("BEGIN:VCALENDAR\r\n");
    });
    for (const path of ["/silent", "/body"]) {
      const started = performance.now();
      expect(await reason(fetchIcs(`${base}${path}`, { ...local, timeoutMs: 300 }))).toBe("ics_url.timeout");
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("stops reading past maxBytes, announced or not", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/announced") res.writeHead(200, { "content-length": "20000" }).end("x".repeat(20_000));
      else {
        res.writeHead(200);
        for (let i = 0; i < 20; i++) res.write("x".repeat(1_000));
        res.end();
      }
    });
    expect(await reason(fetchIcs(`${base}/announced`, { ...local, maxBytes: 10_000 }))).toBe(
      "ics_url.too_large",
    );
    expect(await reason(fetchIcs(`${base}/chunked`, { ...local, maxBytes: 10_000 }))).toBe(
      "ics_url.too_large",
    );
    expect(await fetchIcs(`${base}/chunked`, { ...local, maxBytes: 20_000 })).toHaveLength(20_000);
  });

  it("reports a status other than success", async () => {
    const base = await serve((req, res) => res.writeHead(req.url === "/gone" ? 404 : 500).end("no"));
    expect(await reason(fetchIcs(`${base}/gone`, local))).toBe("ics_url.http_status");
    expect(await reason(fetchIcs(`${base}/broken`, local))).toBe("ics_url.http_status");
  });

  it("connects to the address it checked, not to what DNS might answer later", async () => {
    const base = await serve((_req, res) => res.writeHead(200).end(CALENDAR));
    const port = new URL(base).port;
    const asked: string[] = [];
    const lookup = async (host: string): Promise<LookupAddress[]> => {
      asked.push(host);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // ".test" never resolves in real DNS: the request can only succeed through the pinned address.
    expect(await fetchIcs(`http://calendar.assista.test:${port}/cal.ics`, { ...local, lookup })).toBe(
      CALENDAR,
    );
    expect(asked).toEqual(["calendar.assista.test"]);
  });
});

describe("refusing addresses and schemes", () => {
  it.each([
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://10.1.2.3/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",
    "http://localhost/",
  ])("refuses %s", async (url) => {
    expect(await reason(fetchIcs(url, { timeoutMs: 2_000 }))).toBe("ics_url.private_address");
  });

  it.each(["ftp://x/cal.ics", "file:///etc/passwd", "javascript:alert(1)", "not a url"])(
    "refuses %s",
    async (url) => {
      expect(await reason(fetchIcs(url))).toBe("ics_url.scheme");
    },
  );

  const publicHost = async (): Promise<LookupAddress[]> => [{ address: "93.184.216.34", family: 4 }];
  const answer = (status: number, headers: Record<string, string> = {}, body = ""): FetchedResponse => ({
    status,
    headers: new Headers(headers),
    body: new Response(body).body,
  });

  it("checks every hop again: a public calendar that redirects to the metadata service is refused", async () => {
    const urls: string[] = [];
    const fetchImpl: FetchLike = async (url) => {
      urls.push(url);
      return answer(302, { location: "http://169.254.169.254/latest/meta-data/" });
    };
    const result = fetchIcs("https://calendar.example.com/a.ics", { lookup: publicHost, fetchImpl });
    expect(await reason(result)).toBe("ics_url.private_address");
    expect(urls).toEqual(["https://calendar.example.com/a.ics"]);
  });

  it("fetches webcal: over https, and passes public IPv6 literals", async () => {
    const urls: string[] = [];
    const fetchImpl: FetchLike = async (url) => {
      urls.push(url);
      return answer(200, {}, CALENDAR);
    };
    expect(await fetchIcs("webcal://calendar.example.com/a.ics", { lookup: publicHost, fetchImpl })).toBe(
      CALENDAR,
    );
    expect(await fetchIcs("http://[2606:4700:4700::1111]/a.ics", { fetchImpl })).toBe(CALENDAR);
    expect(urls).toEqual(["https://calendar.example.com/a.ics", "http://[2606:4700:4700::1111]/a.ics"]);
  });

  it("reports a host that does not resolve", async () => {
    const fails = async (): Promise<LookupAddress[]> => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const none = async (): Promise<LookupAddress[]> => [];
    expect(await reason(fetchIcs("https://nowhere.example/a.ics", { lookup: fails }))).toBe(
      "ics_url.unresolvable",
    );
    expect(await reason(fetchIcs("https://nowhere.example/a.ics", { lookup: none }))).toBe(
      "ics_url.unresolvable",
    );
  });

  it("refuses a host with any private address among public ones", async () => {
    const mixed = async (): Promise<LookupAddress[]> => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ];
    expect(await reason(fetchIcs("https://mixed.example/a.ics", { lookup: mixed }))).toBe(
      "ics_url.private_address",
    );
  });
});
