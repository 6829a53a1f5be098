/**
 * Errors a user can act on (a bad flag, an unreadable file, a cloud without the API). The CLI
 * prints their one-line message and exits 2; anything else is a bug and prints a stack.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** A bad flag, flag value or argument. */
export class UsageError extends UserError {
  override name = "UsageError";
}
