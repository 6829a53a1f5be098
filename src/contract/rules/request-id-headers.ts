import { headerValidator } from "../schemas.js";
import { receivedExpected, type Finding } from "../violation.js";
import { defineRule, none } from "../rule.js";

const REQUEST_ID = "request-id";
const CLIENT_REQUEST_ID = "client-request-id";

export default defineRule({
  id: "request-id-headers",
  title: "Request id headers missing or wrong",
  severity: "medium",
  stage: "transport",
  description:
    "Every response carries `request-id` (a GUID, as the spec's header schema says) and `client-request-id`, " +
    "which echoes the client's `client-request-id` or, when the client sent none, equals `request-id`. These ids " +
    "are what Microsoft support asks for; a client that logs them needs them on every response, errors included.",
  appliesTo: () => true,
  run(ctx) {
    // Allocated only when something is wrong: every response passes through here.
    let findings: Finding[] | undefined;
    const requestId = ctx.headers[REQUEST_ID];
    if (requestId === undefined) {
      (findings ??= []).push({
        message: receivedExpected("no request-id header", "a request-id header (a GUID)"),
        key: "no request-id",
      });
    } else if (!headerValidator(REQUEST_ID)(requestId)) {
      (findings ??= []).push({
        message: receivedExpected(`request-id ${JSON.stringify(requestId)}`, "a GUID"),
        key: "request-id not a GUID",
      });
    }
    const echoed = ctx.headers[CLIENT_REQUEST_ID];
    const sent = ctx.requestHeaders[CLIENT_REQUEST_ID];
    if (echoed === undefined) {
      // Undocumented statuses have no header list; the rule still holds for them.
      const required = ctx.documented.requiredHeaders;
      if (required.length === 0 || required.includes(CLIENT_REQUEST_ID)) {
        (findings ??= []).push({
          message: receivedExpected(
            "no client-request-id header",
            sent === undefined
              ? "client-request-id equal to request-id"
              : `client-request-id ${JSON.stringify(sent)} (echoed)`,
          ),
          key: "no client-request-id",
        });
      }
    } else if (sent !== undefined && echoed !== sent) {
      (findings ??= []).push({
        message: receivedExpected(
          `client-request-id ${JSON.stringify(echoed)}`,
          `${JSON.stringify(sent)}, the value the client sent`,
        ),
        key: "client-request-id not echoed",
      });
    } else if (sent === undefined && requestId !== undefined && echoed !== requestId) {
      (findings ??= []).push({
        message: receivedExpected(
          `client-request-id ${JSON.stringify(echoed)}`,
          `${JSON.stringify(requestId)}, equal to request-id`,
        ),
        key: "client-request-id not request-id",
      });
    }
    return findings ?? none;
  },
});
