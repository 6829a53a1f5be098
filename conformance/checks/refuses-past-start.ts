import { graphError } from "../../src/spec/index.js";
import { probeCreateRefusal } from "../scenarios/create-refusal.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("pastStartDateTime");

export const refusesPastStart = scenarioCheck({
  id: "refuses-past-start",
  title: "Pass created with a start in the past",
  severity: "high",
  description:
    `A Create whose \`startDateTime\` is an hour in the past (far beyond any clock skew) answers ${expected.status} ` +
    `("${expected.message}"), Graph's real answer. Needs writes.`,
  run: (session) =>
    probeCreateRefusal(session, {
      caseLabel: "startDateTime an hour ago",
      body: { startDateTime: new Date(Date.now() - 3600_000).toISOString() },
      kind: "pastStartDateTime",
    }),
});
