/**
 * An error with a stable reason from a closed set; the calendar service will turn it into an
 * AppError carrying that reason (decision 0003: domains add reasons, not problem codes).
 */
export class ReasonError<R extends string> extends Error {
  readonly reason: R;
  constructor(reason: R, message: string) {
    super(message);
    this.name = new.target.name;
    this.reason = reason;
  }
}
