/** Crypto-random passcodes, and the only form the mock keeps of them: a salted SHA-256. */
import { randomBytes, timingSafeEqual, webcrypto } from "node:crypto";
import { promisify } from "node:util";

const randomBytesAsync = promisify(randomBytes);

// Mixed case, digits and symbols, as real passes show; look-alikes (0/O, 1/l/I) left out.
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*+=?";

/** A new passcode of `length` characters, drawn without modulo bias. */
export async function newPasscode(length: number): Promise<string> {
  let out = "";
  // 256 - 256 % n is the largest multiple of n below 256: bytes at or above it are redrawn.
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of await randomBytesAsync(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export interface PasscodeHash {
  salt: Buffer;
  digest: Buffer;
}

async function digest(salt: Buffer, passcode: string): Promise<Buffer> {
  const data = Buffer.concat([salt, Buffer.from(passcode, "utf8")]);
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", data));
}

export async function hashPasscode(passcode: string): Promise<PasscodeHash> {
  const salt = await randomBytesAsync(16);
  return { salt, digest: await digest(salt, passcode) };
}

export async function passcodeMatches(hash: PasscodeHash, passcode: string): Promise<boolean> {
  return timingSafeEqual(hash.digest, await digest(hash.salt, passcode));
}
