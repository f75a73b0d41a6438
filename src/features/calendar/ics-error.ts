import { ReasonError } from "./reason-error.ts";

/**
 * Why a calendar is not read: broken (`malformed`), over the size or occurrence limits
 * (`too_large`), more work than any real calendar needs (`too_complex`: a rule, nesting or zone
 * count past the bounds of ics-bounds.ts, or the reader's deadline or memory running out), or
 * the reader's queue is full for now (`busy`).
 */
export type IcsReason = "ics.malformed" | "ics.too_large" | "ics.too_complex" | "ics.busy";
/** A calendar that cannot be read: broken, or more than we read. */
export class IcsError extends ReasonError<IcsReason> {}
