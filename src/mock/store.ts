/**
 * The in-memory state of one mock tenant: each user's Temporary Access Pass methods. A faithful
 * mock keeps at most one per user; a Create replaces the list in one synchronous step, so
 * concurrent Creates leave exactly one (the last to finish).
 */
import type { PasscodeHash } from "./passcode.js";

export interface StoredMethod {
  id: string;
  userId: string;
  createdMs: number;
  /** 100 ns units below `createdMs` (Graph writes 7 fractional digits). */
  createdTicks?: number;
  startMs: number;
  /** 100 ns units below `startMs`: a client's own digits, echoed. */
  startTicks?: number;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  used: boolean;
  /** Absent for fixture passes whose passcode nobody knows. */
  hash?: PasscodeHash;
}

export class TapStore {
  readonly #byUser = new Map<string, StoredMethod[]>();

  list(userId: string): readonly StoredMethod[] {
    return this.#byUser.get(userId) ?? [];
  }

  find(userId: string, methodId: string): StoredMethod | undefined {
    const id = methodId.toLowerCase();
    return this.list(userId).find((m) => m.id === id);
  }

  /** Replace the user's methods with this one (or, for a contract-breaking scenario, add it). */
  put(method: StoredMethod, keepPrevious = false): void {
    this.#byUser.set(method.userId, keepPrevious ? [...this.list(method.userId), method] : [method]);
  }

  delete(userId: string, methodId: string): boolean {
    const before = this.list(userId);
    const after = before.filter((m) => m.id !== methodId.toLowerCase());
    if (after.length === before.length) return false;
    if (after.length === 0) this.#byUser.delete(userId);
    else this.#byUser.set(userId, after);
    return true;
  }

  clear(): void {
    this.#byUser.clear();
  }
}
