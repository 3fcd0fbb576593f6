import { SORRY_REPLY } from './pipeline/replies.js';

/** An error whose message is written for the person texting us. */
export class UserFacingError extends Error {
  constructor(
    readonly reply: string,
    readonly code = 'user_error',
  ) {
    super(reply);
    this.name = 'UserFacingError';
  }
}

export class InvalidPhoneError extends UserFacingError {
  constructor(raw: string) {
    super(`"${raw.slice(0, 40)}" doesn't look like a phone number. Use the international format, like +15555550123.`, 'invalid_phone');
  }
}

/** The one place that turns any failure into words for the user. */
export function replyForError(err: unknown): string {
  if (err instanceof UserFacingError) return err.reply;
  return SORRY_REPLY;
}

export { errorSummary } from './error-summary.js';
