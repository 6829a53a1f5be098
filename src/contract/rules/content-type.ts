import { receivedExpected } from "../violation.js";
import { documentedResponse } from "./documented-response.js";
import { defineRule, none } from "./rule.js";

/** The media type without parameters, lower case. */
function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semi = value.indexOf(";");
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

export const contentType = defineRule({
  id: "content-type",
  title: "Wrong content type",
  severity: "medium",
  description:
    "A response with a body declares a media type the spec documents for that status (`application/json`; Graph " +
    "adds OData parameters such as `odata.metadata=minimal`, which are allowed). Clients choose their parser from " +
    "`Content-Type`, so a JSON body labelled `text/plain` breaks them even when the bytes are right.",
  appliesTo(ctx) {
    return ctx.bodyState !== "absent" || documentedResponse(ctx.operation, ctx.status).mediaTypes.length > 0;
  },
  run(ctx) {
    const documented = documentedResponse(ctx.operation, ctx.status);
    const expected = documented.mediaTypes.length > 0 ? documented.mediaTypes : ["application/json"];
    const received = mediaType(ctx.headers["content-type"]);
    if (received !== undefined && expected.includes(received)) return none;
    if (received === undefined && ctx.bodyState === "absent" && documented.mediaTypes.length === 0) return none;
    return [
      {
        message: receivedExpected(
          received === undefined ? "no Content-Type header" : `Content-Type ${JSON.stringify(ctx.headers["content-type"])}`,
          `Content-Type ${expected.join(" or ")}`,
        ),
      },
    ];
  },
});
