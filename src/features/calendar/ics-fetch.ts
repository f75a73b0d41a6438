import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import type { Agent, Dispatcher } from "undici";
import { ReasonError } from "./reason-error.ts";

// Fetching a calendar someone subscribes to by URL: the URL comes from a user, so it must not reach
// the server's own network (SSRF: cloud metadata at 169.254.169.254, admin ports on loopback,
// other services on private addresses).
// - Each hop's host is resolved once here and every address must be public unicast (ipaddr.js
//   classifies them; IPv4-mapped IPv6 is judged as the IPv4 address it carries). Loopback,
//   private, link-local, unique-local, CGNAT, multicast, unspecified, documentation, 6to4, Teredo
//   and NAT64 are refused.
// - DNS rebinding: the connection does not resolve the name again. Each hop gets an undici Agent
//   whose `lookup` hands back only the addresses checked here, so a second answer from DNS
//   cannot point the socket elsewhere; TLS still verifies the certificate for the host name.
// - Redirects are followed by hand (at most maxRedirects), each hop checked like the first.
// - One deadline covers resolving, connecting, redirects and the body; the body is streamed and
//   abandoned past maxBytes.

export type IcsUrlReason =
  | "ics_url.scheme"
  | "ics_url.private_address"
  | "ics_url.too_many_redirects"
  | "ics_url.timeout"
  | "ics_url.too_large"
  | "ics_url.http_status"
  | "ics_url.unresolvable"
  | "ics_url.unreachable";

/** A calendar URL that was refused or could not be fetched. */
export class IcsUrlError extends ReasonError<IcsUrlReason> {}

/** The part of a fetch answer used here; undici's and the global fetch both have it. */
export interface FetchedResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}
export type FetchLike = (
  url: string,
  init: { redirect: "manual"; signal: AbortSignal; headers: Record<string, string>; dispatcher: Dispatcher },
) => Promise<FetchedResponse>;

export interface FetchIcsOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  /** undici's fetch by default; it must honour `dispatcher` for the address pinning to hold. */
  fetchImpl?: FetchLike;
  /** Resolves a host name to all its addresses; node:dns by default. */
  lookup?: (host: string) => Promise<LookupAddress[]>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HEADERS = { accept: "text/calendar, text/plain;q=0.8, */*;q=0.1", "user-agent": "Assista-Calendar/1" };

const fail = (reason: IcsUrlReason, message: string) => new IcsUrlError(reason, message);

/** http(s) only; webcal: is how calendar apps spell a subscription over https. */
function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw.replace(/^webcal:/i, "https:"), base);
  } catch {
    throw fail("ics_url.scheme", "not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw fail("ics_url.scheme", `${url.protocol} is not http(s)`);
  return url;
}

const isPublic = (address: string) => ipaddr.process(address).range() === "unicast";

async function resolve(url: URL, options: Required<Pick<FetchIcsOptions, "allowPrivate" | "lookup">>) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: LookupAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await options.lookup(host);
    } catch {
      throw fail("ics_url.unresolvable", `${host} does not resolve`);
    }
    if (addresses.length === 0) throw fail("ics_url.unresolvable", `${host} does not resolve`);
  }
  // Every address, not just one: the socket may try any of them.
  if (!options.allowPrivate && !addresses.every((a) => isPublic(a.address))) {
    throw fail("ics_url.private_address", `${host} is not a public address`);
  }
  return addresses;
}

/** An agent whose connections go only to the given addresses, whatever DNS says by then. */
function pinnedAgent(AgentClass: typeof Agent, addresses: LookupAddress[]): Agent {
  const [first] = addresses as [LookupAddress];
  return new AgentClass({
    connect: {
      lookup: (_host, options, callback) => {
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
    },
  });
}

async function readText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw fail("ics_url.too_large", `more than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The text at a calendar URL, fetched with the guards above; failures are IcsUrlErrors. */
export async function fetchIcs(rawUrl: string, options: FetchIcsOptions = {}): Promise<string> {
  const { allowPrivate = false, timeoutMs = 10_000, maxRedirects = 3, maxBytes = 5 * 1024 * 1024 } = options;
  // Loaded on first use: the HTTP client is large, and most processes never fetch a calendar.
  const undici = await import("undici");
  const fetchImpl = options.fetchImpl ?? (undici.fetch as unknown as FetchLike);
  const lookup = options.lookup ?? ((host: string) => dnsLookup(host, { all: true }));
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const timedOut = new Promise<never>((_, reject) =>
    deadline.signal.addEventListener("abort", () =>
      reject(fail("ics_url.timeout", `no answer in ${timeoutMs} ms`)),
    ),
  );
  timedOut.catch(() => {});
  let url = parseUrl(rawUrl);
  try {
    for (let redirects = 0; ; redirects++) {
      // DNS lookups cannot be cancelled, so the deadline races them.
      const addresses = await Promise.race([resolve(url, { allowPrivate, lookup }), timedOut]);
      const agent = pinnedAgent(undici.Agent, addresses);
      try {
        const res = await fetchImpl(url.href, {
          redirect: "manual",
          signal: deadline.signal,
          headers: HEADERS,
          dispatcher: agent,
        });
        const location = res.headers.get("location");
        if (REDIRECTS.has(res.status) && location) {
          await res.body?.cancel();
          if (redirects >= maxRedirects)
            throw fail("ics_url.too_many_redirects", `more than ${maxRedirects} redirects`);
          url = parseUrl(location, url);
          continue;
        }
        if (res.status < 200 || res.status > 299) {
          await res.body?.cancel();
          throw fail("ics_url.http_status", `HTTP ${res.status}`);
        }
        if (Number(res.headers.get("content-length")) > maxBytes) {
          await res.body?.cancel();
          throw fail("ics_url.too_large", `more than ${maxBytes} bytes`);
        }
        return await Promise.race([readText(res.body, maxBytes), timedOut]);
      } finally {
        await agent.destroy();
      }
    }
  } catch (err) {
    if (deadline.signal.aborted) throw fail("ics_url.timeout", `no answer in ${timeoutMs} ms`);
    if (err instanceof IcsUrlError) throw err;
    throw fail("ics_url.unreachable", err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}
