import { describe, expect, test } from "vitest";
import { operations, spec } from "../src/spec/index.js";
import { deref, responseSchemaName, validateCreateRequest, validateResponseBody } from "../src/contract/schemas.js";

interface MediaType {
  examples?: Record<string, unknown>;
}

const responseExamples = operations.flatMap((op) =>
  Object.entries(op.spec.responses).flatMap(([status, ref]) => {
    const content = deref<{ content?: Record<string, MediaType> }>(ref).content ?? {};
    return Object.entries(content["application/json"]?.examples ?? {}).map(([name, ex]) => ({
      op,
      status: Number(status),
      name,
      value: deref<{ value: unknown }>(ex).value,
    }));
  }),
);

describe("every example in the spec validates against its schema (Ajv 2020 + formats)", () => {
  test.each(responseExamples.map((e) => [`${e.op.operationId} ${e.status} ${e.name}`, e] as const))("%s", (_, e) => {
    expect(validateResponseBody(e.op, e.status, e.value)).toEqual([]);
  });

  test("request body examples of Create", () => {
    const create = operations.find((op) => op.kind === "create")!;
    const content = (create.spec.requestBody as { content: Record<string, MediaType> }).content["application/json"]!;
    const values = Object.values(content.examples ?? {}).map((ex) => deref<{ value: unknown }>(ex).value);
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (const v of values) expect(validateCreateRequest(v)).toEqual([]);
  });

  test("there is an example for every methodUsabilityReason and every documented error status", () => {
    const reasons = new Set(
      responseExamples
        .map((e) => (e.value as { methodUsabilityReason?: string }).methodUsabilityReason)
        .filter(Boolean),
    );
    const documented = deref<{ "x-documented-values": string[] }>(spec.components.schemas.MethodUsabilityReason)[
      "x-documented-values"
    ];
    expect([...reasons].sort()).toEqual([...documented].sort());
    const errorStatuses = new Set(operations.flatMap((op) => op.statuses.filter((s) => s >= 400)));
    const withExample = new Set(responseExamples.filter((e) => e.status >= 400).map((e) => e.status));
    expect([...errorStatuses].sort()).toEqual([...withExample].sort());
  });

  test("every error example is an entry of the error catalog (x-graph-errors)", () => {
    const catalog = Object.values(spec["x-graph-errors"]);
    const asPattern = (m: string) =>
      new RegExp(`^${m.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, ".+")}$`);
    for (const e of responseExamples.filter((x) => x.status >= 400)) {
      const { code, message } = (e.value as { error: { code: string; message: string } }).error;
      const match = catalog.find((c) => c.status === e.status && c.code === code && asPattern(c.message).test(message));
      expect(match, `${e.name}: ${e.status} ${code} "${message}"`).toBeDefined();
    }
  });

  test("every response schema the operations use has a name the validators know", () => {
    for (const op of operations) {
      for (const status of op.statuses) {
        if (status === 204) expect(responseSchemaName(op, status)).toBeUndefined();
        else expect(responseSchemaName(op, status)).toMatch(/^[A-Za-z]+$/);
      }
    }
  });
});
