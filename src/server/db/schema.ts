// Every table of the application, for Drizzle's relational queries and for drizzle-kit.
export * from "../../features/accounts/tables.ts";
export * from "../../features/availability/tables.ts";
export * from "../../features/bids/tables.ts";
export * from "../../features/calendar/tables.ts";
export * from "../../features/contracts/tables.ts";
export * from "../../features/interviews/tables.ts";
export * from "../../features/jobs/tables.ts";
export * from "../../features/messaging/tables.ts";
export * from "../../features/notifications/tables.ts";
export * from "../../features/profiles/tables.ts";
export * from "../../features/samples/tables.ts";
export * from "../mail/tables.ts";
export * from "../realtime/tables.ts";
