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

const errnoWords: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "it is a directory",
  EEXIST: "it already exists",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EADDRINUSE: "the address is already in use",
  EADDRNOTAVAIL: "the address is not available on this machine",
  ECONNREFUSED: "connection refused",
};

/** A system error in words a person can act on (`ENOENT` alone says little), the code kept after them. */
export function describeSystemError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && errnoWords[code]) return `${errnoWords[code]} (${code})`;
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}
