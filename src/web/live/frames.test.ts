import { describe, expect, it } from "vitest";
import { createEventCursor, parseFrame, reconnectDelay } from "./frames.ts";

const THREAD = "0b7c2f4e-3a1d-4c5e-9f10-2a3b4c5d6e7f";

describe("the live channel's frames", () => {
  it("reads the known events and ignores anything else", () => {
    expect(parseFrame('{"type":"ready","data":null}')).toEqual({ type: "ready" });
    expect(parseFrame('{"type":"ready","data":{"after":"7301"}}')).toEqual({ type: "ready", after: "7301" });
    // A watermark is digits; anything else is not one.
    expect(parseFrame('{"type":"ready","data":{"after":"1 OR 1"}}')).toEqual({ type: "ready" });
    expect(parseFrame(JSON.stringify({ type: "typing", data: { threadId: THREAD, userId: "u2" } }))).toEqual({
      type: "typing",
      data: { threadId: THREAD, userId: "u2" },
    });
    expect(parseFrame("not json")).toBeNull();
    expect(parseFrame('{"id":"4","type":"notification.created","data":{}}')).toEqual({
      id: "4",
      type: "notification.created",
      data: {},
    });
    // Names the map does not list, inherited ones included, are unknown.
    expect(parseFrame('{"type":"toString","data":{}}')).toBeNull();
    expect(parseFrame('{"type":"__proto__","data":{}}')).toBeNull();
    // A number that is not text cannot be a resume position.
    expect(parseFrame('{"id":4,"type":"notification.created","data":{}}')).toBeNull();
    expect(parseFrame('{"type":"launch.rockets","data":{}}')).toBeNull();
    expect(
      parseFrame(JSON.stringify({ id: "3", type: "message.read", data: { threadId: THREAD } })),
    ).toBeNull();
  });
});

describe("the event cursor", () => {
  it("resumes from the watermark of the last ready and skips events it handled", () => {
    const cursor = createEventCursor();
    expect(cursor.last).toBeUndefined();
    cursor.resumeFrom("500");
    expect(cursor.accept("12")).toBe(true);
    // Numbers follow writes, not commits: a lower one can come later and is new.
    expect(cursor.accept("9")).toBe(true);
    // The replay after a reconnect overlaps with what the live stream already delivered.
    expect(cursor.accept("12")).toBe(false);
    expect(cursor.accept("9")).toBe(false);
    expect(cursor.last).toBe("500");
    cursor.resumeFrom("512");
    expect(cursor.last).toBe("512");
    cursor.resumeFrom(undefined);
    expect(cursor.last).toBe("512");
  });

  it("lets unnumbered frames through, and forgets the oldest numbers beyond its memory", () => {
    const cursor = createEventCursor(2);
    expect(cursor.accept(undefined)).toBe(true);
    expect(cursor.accept(undefined)).toBe(true);
    cursor.accept("1");
    cursor.accept("2");
    cursor.accept("3");
    expect(cursor.accept("1")).toBe(true);
    expect(cursor.accept("3")).toBe(false);
  });
});

describe("reconnect backoff", () => {
  it("doubles from 1 s up to 30 s, within the upper half of each step", () => {
    const low = (attempt: number) => reconnectDelay(attempt, () => 0);
    const high = (attempt: number) => reconnectDelay(attempt, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(high)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect([0, 1, 5].map(low)).toEqual([500, 1_000, 15_000]);
    expect(reconnectDelay(2, () => 0.5)).toBe(3_000);
  });
});
