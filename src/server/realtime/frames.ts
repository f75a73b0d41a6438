// What a client may send is part of the live map, shared with the browser.
export { type ClientFrame, clientFrameSchema } from "../../features/common/shared-schema.ts";

/** Close codes: 4401 like HTTP 401 (no or an expired session); 1009 comes from ws for oversize. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** More frames than a socket's budget (frame-budget.ts): the standard "policy violation". */
export const CLOSE_POLICY_VIOLATION = 1008;
/** Frames above this close the connection with 1009 (message too big). */
export const MAX_FRAME_BYTES = 64 * 1024;
