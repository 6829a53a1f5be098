/**
 * A self-signed certificate for `--https`, made by the `openssl` command (present on every
 * Debian and CI image here), valid for localhost and 127.0.0.1. Clients trust it through
 * NODE_EXTRA_CA_CERTS or their own CA option.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { UserError } from "../../errors.js";

const run = promisify(execFile);

export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** The PEM file of the certificate (give it to clients as their CA). */
  certPath: string;
  keyPath: string;
}

export async function selfSignedCertificate(dir?: string): Promise<SelfSignedCertificate> {
  const where = dir ?? (await mkdtemp(join(tmpdir(), "tap-mock-tls-")));
  const keyPath = join(where, "key.pem");
  const certPath = join(where, "cert.pem");
  try {
    await run(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-sha256",
        "-days",
        "30",
        "-keyout",
        keyPath,
        "-out",
        certPath,
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
      ],
      { timeout: 30_000 },
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const why =
      e.code === "ENOENT" ? "the openssl command is not installed" : (e.stderr?.trim().split("\n")[0] ?? e.message);
    throw new UserError(`cannot create a self-signed certificate for --https: ${why}`);
  }
  return { key: await readFile(keyPath, "utf8"), cert: await readFile(certPath, "utf8"), certPath, keyPath };
}
