/** `tap-contract mock`: serve the faithful mock of Graph's TAP API until interrupted. */
import { parseArgs } from "node:util";
import { usageFromParseError } from "../common-options.js";
import { UsageError } from "../../../src/errors.js";
import { isClockInstant } from "../../../src/mock/clock.js";
import {
  faultKinds,
  loadFixtures,
  scenarioNames,
  startMockGraph,
  type FaultKind,
  type StartOptions,
} from "../../../src/mock/index.js";
import type { Command } from "../command.js";
import { helpFlag, renderFlags, type FlagTable } from "../flags.js";

/** Every flag `mock` parses; its help is rendered from the same table. */
const mockFlags = {
  port: {
    type: "string",
    value: "N",
    default: "0",
    description: "port to listen on (0: an ephemeral port, printed on start)",
  },
  host: { type: "string", value: "HOST", default: "127.0.0.1", description: "address to listen on" },
  https: { type: "boolean", description: "serve HTTPS with a generated self-signed certificate (its path is printed)" },
  fixtures: {
    type: "string",
    value: "FILE",
    description: "a fixture tenant (JSON) instead of the default contoso.onmicrosoft.com",
  },
  clock: {
    type: "string",
    value: "DATE",
    description: "start the mock's clock at this ISO 8601 instant (it then runs on)",
  },
  faults: {
    type: "string",
    value: "KINDS",
    description: `opt-in faults on Graph requests: "all" or a comma list of ${faultKinds.join(", ")}`,
  },
  // The fault defaults are the mock's own (src/mock/faults.ts): an absent flag stays absent, so
  // that a fault flag without --faults can be refused.
  "fault-rate": {
    type: "string",
    value: "R",
    defaultText: "1",
    description: "share of Graph requests that get a fault, 0..1",
  },
  "fault-seed": {
    type: "string",
    value: "N",
    defaultText: "1",
    description: "seed of the deterministic fault sequence",
  },
  "latency-ms": { type: "string", value: "N", defaultText: "200", description: "delay added by the latency fault" },
  scenarios: {
    type: "string",
    value: "LIST",
    description:
      `contract-breaking scenarios: "header" to honour the request header x-tap-mock-scenario: ` +
      `NAME[,NAME], or a comma list applied to every request. Names: ${scenarioNames.join(", ")}`,
  },
  help: { ...helpFlag.help, description: "this text" },
} as const satisfies FlagTable;

const help = `Usage: tap-contract mock [options]

Serve a faithful, stateful mock of Microsoft Graph's Temporary Access Pass API (v1.0 and beta)
with its own token issuer, until Ctrl-C. It prints the URLs it serves on start. It also serves the
tenant's TAP policy (GET and PATCH on {url}/v1.0/policies/authenticationMethodsPolicy/
authenticationMethodConfigurations/TemporaryAccessPass), which every Create and sign-in follows,
JSON batching (POST {url}/v1.0/$batch, up to 20 requests, each handled as alone), the methods
list (GET …/users/{id}/authentication/methods) and …/$count.

Options:
${renderFlags(mockFlags)}

Tokens: POST {url}/{tenant}/oauth2/v2.0/token (client_credentials or password grant), or
\`tap-contract token --url URL --user adele\`. Pages on other origins may call it: it answers
CORS preflights (the spec's x-cors). Exit codes: 0 stopped cleanly, 2 could not start.`;

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < min || n > max)
    throw new UsageError(`${flag} must be an integer ${min}..${max}, got "${value}"`);
  return n;
}

/** The mock's start options from command-line arguments (pure, for tests). */
export function parseMockArgs(argv: string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: mockFlags }));
  } catch (err) {
    usageFromParseError(err, "mock");
  }
  const options: StartOptions = {
    port: integer(values.port, "--port", 0, 65535)!,
    host: values.host,
    https: values.https ?? false,
  };
  if (values.fixtures !== undefined) options.fixtures = loadFixtures(values.fixtures);
  if (values.clock !== undefined) {
    const ms = Date.parse(values.clock);
    if (!Number.isFinite(ms))
      throw new UsageError(`--clock must be an ISO 8601 date such as 2026-01-01T09:00:00Z, got "${values.clock}"`);
    if (!isClockInstant(ms))
      throw new UsageError(
        `--clock must be a date between -271821-04-21 and 275760-09-12 (what a Date holds), got "${values.clock}"`,
      );
    options.clock = values.clock;
  }
  const faultFlags = ["fault-rate", "fault-seed", "latency-ms"] as const;
  if (values.faults !== undefined) {
    const kinds =
      values.faults.trim() === "all"
        ? [...faultKinds]
        : values.faults
            .split(",")
            .map((k) => k.trim())
            .filter((k) => k !== "");
    const unknown = kinds.filter((k) => !(faultKinds as readonly string[]).includes(k));
    if (unknown.length > 0 || kinds.length === 0) {
      throw new UsageError(
        `--faults: unknown fault "${unknown[0] ?? ""}": expected "all" or a comma list of ${faultKinds.join(", ")}`,
      );
    }
    const rateText = values["fault-rate"];
    const rate = rateText === undefined ? undefined : Number(rateText);
    if (rate !== undefined && !(rateText!.trim() !== "" && rate >= 0 && rate <= 1))
      throw new UsageError(`--fault-rate must be a number 0..1, got "${rateText}"`);
    options.faults = {
      kinds: kinds as FaultKind[],
      rate,
      seed: integer(values["fault-seed"], "--fault-seed", -(2 ** 31), 2 ** 32),
      latencyMs: integer(values["latency-ms"], "--latency-ms", 0, 60_000),
    };
  } else {
    const stray = faultFlags.find((f) => values[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --faults KINDS`);
  }
  if (values.scenarios !== undefined) {
    const list = values.scenarios.trim();
    if (list === "header") options.scenarios = true;
    else {
      const names = list
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      const unknown = names.filter((n) => !(scenarioNames as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) {
        throw new UsageError(
          `--scenarios: unknown scenario "${unknown[0] ?? ""}": expected "header" or a comma list of ` +
            `${scenarioNames.join(", ")}`,
        );
      }
      options.scenarios = { always: names };
    }
  }
  return options;
}

export const mockCommand: Command = {
  name: "mock",
  summary: "serve the faithful mock of Graph's TAP API (with its own token issuer)",
  help,
  flags: mockFlags,
  async run(argv) {
    const options = parseMockArgs(argv);
    const mock = await startMockGraph(options);
    const lines = [
      `tap mock listening on ${mock.url}`,
      `  Graph:  ${mock.graphUrl}`,
      `  token:  POST ${mock.tokenUrl}`,
      `  JWKS:   ${mock.jwksUrl}`,
      `  tenant: ${mock.fixtures.tenant.domain} (${mock.tenantId})`,
    ];
    if (mock.certificatePath)
      lines.push(`  certificate (self-signed; trust it with NODE_EXTRA_CA_CERTS): ${mock.certificatePath}`);
    if (options.faults)
      lines.push(
        `  faults: ${options.faults.kinds?.join(", ")} at rate ${options.faults.rate ?? 1}, seed ` +
          `${options.faults.seed ?? 1}`,
      );
    if (options.scenarios)
      lines.push(
        `  scenarios: ${
          options.scenarios === true
            ? "per request (x-tap-mock-scenario header)"
            : (options.scenarios as { always: string[] }).always.join(", ")
        }`,
      );
    console.log(lines.join("\n"));
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await mock.close();
    return 0;
  },
};

export default mockCommand;
