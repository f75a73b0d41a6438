import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hiredContract } from "../../features/messaging/testing.ts";
import { createTestApp, TEST_ORIGIN } from "../testing/app.ts";
import type { Browser } from "../testing/http.ts";
import { cookieOf } from "../testing/sockets.ts";

// Input that no column can store, or that no date arithmetic survives, was a 500 from the driver.
// Each is a 400 problem that names the field, whichever route it reaches.

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;
let parties: Awaited<ReturnType<typeof hiredContract>>;

beforeAll(async () => {
  app = await createTestApp();
  parties = await hiredContract(app);
});
afterAll(() => app.close());

const PROBLEM = "application/problem+json; charset=utf-8";

function expectFieldRefused(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  field: string,
  code?: string,
) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  expect(res.headers["content-type"]).toBe(PROBLEM);
  const body = res.json() as { errors?: { field: string; code: string }[] };
  expect(body.errors?.map((e) => e.field)).toContain(field);
  if (code) expect(body.errors?.find((e) => e.field === field)?.code).toBe(code);
}

const NUL = "a\u0000b";

describe("NUL in any text field", () => {
  const cases: [
    string,
    (p: typeof parties) => [Browser, "POST" | "PUT" | "PATCH", string, unknown],
    string,
  ][] = [
    ["a job", (p) => [p.client, "PATCH", `/api/v1/jobs/${p.job.id}`, { title: NUL }], "title"],
    ["a bid", (p) => [p.assistant, "PATCH", `/api/v1/bids/${p.bid.id}`, { coverLetter: NUL }], "coverLetter"],
    [
      "a message",
      (p) => [p.client, "POST", `/api/v1/threads/${p.thread.id}/messages`, { body: NUL }],
      "body",
    ],
    [
      "an event",
      (p) => [p.client, "POST", `/api/v1/contracts/${p.contractId}/events`, { title: NUL }],
      "title",
    ],
    ["a profile", (p) => [p.assistant, "PUT", "/api/v1/me/assistant-profile", { headline: NUL }], "headline"],
    ["a sample", (p) => [p.assistant, "POST", "/api/v1/samples/links", { title: NUL }], "title"],
    [
      "an import name",
      (p) => [
        p.assistant,
        "POST",
        "/api/v1/me/calendar-imports",
        { name: NUL, url: "https://example.com/a.ics" },
      ],
      "name",
    ],
    [
      "a nested field",
      (p) => [p.client, "PATCH", `/api/v1/jobs/${p.job.id}`, { screeningQuestions: ["ok", NUL] }],
      "screeningQuestions.1",
    ],
    ["Better Auth's update-user", (p) => [p.client, "POST", "/api/auth/update-user", { name: NUL }], "name"],
    [
      "Better Auth's reset-password",
      (p) => [
        p.client,
        "POST",
        "/api/auth/reset-password",
        { newPassword: `long-enough-${NUL}-pass`, token: "t" },
      ],
      "newPassword",
    ],
  ];
  it.each(cases)("in %s", async (_name, make, field) => {
    const [browser, method, url, body] = make(parties);
    expectFieldRefused(await browser.request(method, url, body), field, "text_nul");
  });

  it("in a path parameter", async () => {
    expectFieldRefused(await parties.client.get("/api/v1/assistants/%00"), "userId", "text_nul");
  });

  it("in a query parameter", async () => {
    expectFieldRefused(await parties.client.get("/api/v1/job-board?cursor=%00"), "cursor", "text_nul");
  });

  it("in a key", async () => {
    const res = await parties.client.request("PATCH", `/api/v1/jobs/${parties.job.id}`, {
      "ti\u0000tle": "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe(PROBLEM);
    expect(res.json().errors[0]).toMatchObject({ field: "body", code: "text_nul" });
  });
});

describe("a lone surrogate", () => {
  it("in a message body", async () => {
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/threads/${parties.thread.id}/messages`,
      headers: {
        origin: TEST_ORIGIN,
        "content-type": "application/json",
        cookie: cookieOf(parties.client),
      },
      payload: '{"body":"hello \\ud800 there"}',
    });
    expectFieldRefused(res, "body", "text_malformed");
  });
});

describe("dates and numbers past what the database holds", () => {
  it("the year 0000 in startDate", async () => {
    const res = await parties.client.patch(`/api/v1/jobs/${parties.job.id}`, { startDate: "0000-01-01" });
    expectFieldRefused(res, "startDate", "date_out_of_range");
  });

  it("the year 0000 in earliestStart", async () => {
    const res = await parties.assistant.patch(`/api/v1/bids/${parties.bid.id}`, {
      earliestStart: "0000-06-01",
    });
    expectFieldRefused(res, "earliestStart", "date_out_of_range");
  });

  it("an integer past int4 in a query", async () => {
    const res = await parties.client.get("/api/v1/job-board?minRateMinor=2147483648");
    expectFieldRefused(res, "minRateMinor", "amount_too_large");
  });

  it("a slot window at year 9999", async () => {
    const res = await parties.client.get(
      `/api/v1/bids/${parties.bid.id}/interview-slots?from=9999-12-30T00:00:00Z&to=9999-12-31T23:59:59Z`,
    );
    expectFieldRefused(res, "from", "date_out_of_range");
  });

  it("an instant whose offset carries it past the last year", async () => {
    const res = await parties.client.get(
      `/api/v1/bids/${parties.bid.id}/interview-slots?from=2999-12-31T23:00:00-05:00&to=2999-12-31T23:30:00-05:00`,
    );
    expectFieldRefused(res, "from", "date_out_of_range");
  });
});

describe("multipart that is not complete", () => {
  const upload = (contentType: string, payload: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/samples",
      headers: {
        origin: TEST_ORIGIN,
        "content-type": contentType,
        cookie: cookieOf(parties.assistant),
      },
      payload,
    });

  it("without a boundary", async () => {
    expectFieldRefused(await upload("multipart/form-data", "--x\r\n\r\n"), "body", "multipart_malformed");
  });

  it("cut off in the middle of the file", async () => {
    const payload =
      '--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nNotes\r\n' +
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf a fi';
    expectFieldRefused(
      await upload("multipart/form-data; boundary=XYZ", payload),
      "body",
      "multipart_malformed",
    );
  });

  it("with NUL in a text field", async () => {
    const payload =
      `--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n${NUL}\r\n` +
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XYZ--\r\n';
    expectFieldRefused(await upload("multipart/form-data; boundary=XYZ", payload), "title", "text_nul");
  });
});
