import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../server/auth/actor.ts";
import { createTestApp } from "../../server/testing/app.ts";
import { hiredContract } from "../messaging/testing.ts";
import type { ContractScope } from "./gate.ts";
import { contract, contractChange } from "./tables.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const actorOf = (user: { userId: string }): Actor => ({ userId: user.userId, roles: [] });
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const event = (title: string) => ({
  title,
  start: `${day(5)}T10:00`,
  end: `${day(5)}T11:00`,
  timeZone: "Europe/Berlin",
});

describe("the contract gate", () => {
  it("issues a scope with the party's side and the terms; refuses others with 404 and a refused need with 409", async () => {
    const { client, assistant, contractId, job } = await hiredContract(app, { jobTitle: "Reiseplanung" });
    const gate = app.services.contractGate;
    const scope = await gate.scope(actorOf(assistant), contractId, "call");
    expect(scope).toMatchObject({
      contractId,
      need: "call",
      side: "assistant",
      userId: assistant.userId,
      otherPartyId: client.userId,
      status: "active",
      jobId: job.id,
      jobTitle: "Reiseplanung",
      pricingModel: "hourly",
      currency: "EUR",
      rateMinor: 3000,
      weeklyHourCap: 10,
    });
    await expect(gate.scope({ userId: "someone-else", roles: [] }, contractId, "read")).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    await app.services.contractLifecycle.transition(scope, "pause", "Umzug");
    await expect(gate.scope(actorOf(client), contractId, "call")).rejects.toMatchObject({
      status: 409,
      reason: "contract.paused",
    });
    expect((await gate.scope(actorOf(client), contractId, "read")).status).toBe("paused");
  });

  it("checks a set of contracts in one go: only the actor's, only where the status allows the need", async () => {
    const first = await hiredContract(app);
    const second = await hiredContract(app);
    const theirs = await hiredContract(app);
    const gate = app.services.contractGate;
    const ids = [first.contractId, second.contractId, theirs.contractId, crypto.randomUUID()];
    const read = await gate.scopes(actorOf(first.assistant), ids, "read");
    expect([...read.keys()]).toEqual([first.contractId]);
    expect(read.get(first.contractId)?.side).toBe("assistant");

    await first.client.post(`/api/v1/contracts/${first.contractId}/end`, { reason: "Erledigt" });
    expect((await gate.scopes(actorOf(first.client), ids, "read")).size).toBe(1);
    expect((await gate.scopes(actorOf(first.client), ids, "write:event")).size).toBe(0);
    expect((await gate.scopes(actorOf(second.client), [...ids, second.contractId], "call")).size).toBe(1);
    expect((await gate.scopes(actorOf(first.client), [], "read")).size).toBe(0);
  });

  it("is the only way to a scope: a hand-made one does not type-check", () => {
    // @ts-expect-error a ContractScope carries the gate's brand, which no other module can write
    const forged: ContractScope = {
      contractId: crypto.randomUUID(),
      need: "write:event",
      side: "client",
      userId: "x",
      otherPartyId: "y",
      clientId: "x",
      assistantId: "y",
      status: "active",
      jobId: crypto.randomUUID(),
      jobTitle: "",
      pricingModel: "hourly",
      currency: "EUR",
      rateMinor: 1,
      weeklyHourCap: 1,
      startDate: "2027-01-01",
      createdAt: new Date(),
    };
    expect(forged.need).toBe("write:event");
  });
});

describe("changes at the same moment", () => {
  it("two ends at once: one ends the contract, the other is 409; one change in the history", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    const url = `/api/v1/contracts/${contractId}/end`;
    const answers = await Promise.all([
      client.post(url, { reason: "Vonseiten des Auftraggebers" }),
      assistant.post(url, { reason: "Vonseiten der Assistenz" }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().reason).toBe("contract.illegal_transition");
    const changes = await app.database.db
      .select()
      .from(contractChange)
      .where(eq(contractChange.contractId, contractId));
    expect(changes.map((c) => c.action)).toEqual(["end"]);
  });

  it("pause and end at once: both may land in that order, never end then pause", async () => {
    for (let round = 0; round < 3; round++) {
      const { client, assistant, contractId } = await hiredContract(app);
      const base = `/api/v1/contracts/${contractId}`;
      await Promise.all([
        client.post(`${base}/pause`, { reason: "Pause" }),
        assistant.post(`${base}/end`, { reason: "Ende" }),
      ]);
      const [row] = await app.database.db.select().from(contract).where(eq(contract.id, contractId));
      expect(row?.status).toBe("ended");
      const history = (await client.get(`${base}/history`)).json().items;
      expect(history[0]).toMatchObject({ action: "end", to: "ended" });
      // Each change starts where the one before it left the contract.
      for (let i = 0; i + 1 < history.length; i++) expect(history[i].from).toBe(history[i + 1].to);
    }
  });

  // A second session is needed to hold the row while a request runs: PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "an event checked just before an end does not land after it: the write holds the scope",
    async () => {
      const { client, contractId } = await hiredContract(app);
      const database = app.database;
      if (database.kind !== "pg") throw new Error("PostgreSQL only");
      const other = await database.pool.connect();
      try {
        // An end in progress: the row is locked and its status changes, not yet committed.
        await other.query("BEGIN");
        await other.query("SELECT status FROM contract WHERE id = $1 FOR UPDATE", [contractId]);
        await other.query("UPDATE contract SET status = 'ended' WHERE id = $1", [contractId]);
        // The gate still reads "active" (the end is not committed), so the request gets a scope,
        // then waits for the row inside its transaction.
        const pending = client.post(`/api/v1/contracts/${contractId}/events`, event("Gerade noch?"));
        await expect
          .poll(async () => {
            const { rows } = await database.pool.query(
              "SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'",
            );
            return rows[0].n;
          })
          .toBeGreaterThan(0);
        await other.query("COMMIT");
        const res = await pending;
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().reason).toBe("contract.ended");
      } finally {
        other.release();
      }
      const from = encodeURIComponent(new Date().toISOString());
      const to = encodeURIComponent(new Date(Date.now() + 30 * 86_400_000).toISOString());
      expect(
        (await client.get(`/api/v1/contracts/${contractId}/events?from=${from}&to=${to}`)).json().events,
      ).toEqual([]);
    },
  );
});
