/**
 * Crypto-random passcodes, and the only form the mock keeps of them: a salted SHA-256.
 * Web Crypto only, so the core also runs in a browser (MSW's worker answers from the page).
 */

// Mixed case, digits and symbols, as real passes show; look-alikes (0/O, 1/l/I) left out.
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*+=?";

/** A new passcode of `length` characters, drawn without modulo bias. */
export async function newPasscode(length: number): Promise<string> {
  let out = "";
  // 256 - 256 % n is the largest multiple of n below 256: bytes at or above it are redrawn.
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export interface PasscodeHash {
  salt: Uint8Array;
  digest: Uint8Array;
}

async function digest(salt: Uint8Array, passcode: string): Promise<Uint8Array> {
  const text = new TextEncoder().encode(passcode);
  const data = new Uint8Array(salt.length + text.length);
  data.set(salt);
  data.set(text, salt.length);
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

export async function hashPasscode(passcode: string): Promise<PasscodeHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt, digest: await digest(salt, passcode) };
}

export async function passcodeMatches(hash: PasscodeHash, passcode: string): Promise<boolean> {
  const other = await digest(hash.salt, passcode);
  // Constant time over the digest: every byte is compared whatever the first difference.
  let diff = hash.digest.length ^ other.length;
  for (let i = 0; i < hash.digest.length; i++) diff |= hash.digest[i]! ^ (other[i] ?? 0);
  return diff === 0;
}
