/** Fixtures from a JSON file (Node only: the core itself never reads files). */
import { readFileSync } from "node:fs";
import { UserError, describeSystemError } from "../errors.js";
import type { MockFixtures } from "./fixtures.js";
import { checkFixtures } from "./fixtures-check.js";

/** Read and check a fixtures JSON file. */
export function loadFixtures(path: string): MockFixtures {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`cannot read fixtures file ${path}: ${describeSystemError(err)}`);
  }
  let data: MockFixtures;
  try {
    data = JSON.parse(text) as MockFixtures;
  } catch (err) {
    throw new UserError(`fixtures file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  checkFixtures(data);
  for (const u of data.users) u.directoryRoles ??= [];
  return data;
}
