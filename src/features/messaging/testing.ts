import type { FastifyInstance } from "fastify";
import { signedIn } from "../../server/testing/http.ts";
import { jobInput } from "../jobs/testing.ts";

export interface BidThreadOptions {
  clientName?: string;
  assistantName?: string;
  jobTitle?: string;
}

/**
 * A published job, an assistant's bid on it and the bid's thread, both parties signed in. The
 * client's notice of the bid is switched off, so sockets and lists hold only what a test sends.
 */
export async function bidThread(app: FastifyInstance, options: BidThreadOptions = {}) {
  const client = await signedIn(app, ["client"], options.clientName ?? "Clara Berger");
  await client.request("PUT", "/api/v1/me/notification-preferences", {
    preferences: [{ type: "bid.received", channel: "off" }],
  });
  const job = (
    await client.post("/api/v1/jobs", jobInput(options.jobTitle ? { title: options.jobTitle } : {}))
  ).json();
  await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
  const assistant = await signedIn(app, ["assistant"], options.assistantName ?? "Anna Schmidt");
  const bid = (
    await assistant.post(`/api/v1/jobs/${job.id}/bids`, {
      rateMinor: 3000,
      coverLetter: "Gern übernehme ich das.",
      answers: ["DATEV"],
      earliestStart: "2027-01-04",
    })
  ).json();
  const thread = (await client.post(`/api/v1/bids/${bid.id}/thread`)).json() as { id: string };
  return { client, assistant, job, bid, thread };
}

/** The bid of bidThread hired: an active contract between the two (hourly, from 2027-01-11). */
export async function hiredContract(app: FastifyInstance, options: BidThreadOptions = {}) {
  const parties = await bidThread(app, options);
  const offer = (
    await parties.client.post(`/api/v1/bids/${parties.bid.id}/offers`, {
      pricingModel: "hourly",
      rateMinor: 3000,
      weeklyHourCap: 10,
      startDate: "2027-01-11",
    })
  ).json();
  const accepted = await parties.assistant.post(`/api/v1/offers/${offer.id}/response`, {
    decision: "accept",
  });
  return { ...parties, contractId: accepted.json().contract.id as string };
}
