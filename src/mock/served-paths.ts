/**
 * Which paths the mock serves, and the methods each takes: for CORS preflights and for adapters that share a host with
 * other handlers (MSW).
 */
import { route } from "./graph/route.js";
import { identityMethods } from "./identity/token-endpoint.js";

/** The methods the identity platform path takes; undefined when it is not one the mock serves. */
export { identityMethods };

/** The methods a Graph path (`/v1.0/...`) takes; undefined when it is not a TAP route of the spec. */
export function graphMethods(path: string): string[] | undefined {
  const found = route("OPTIONS", path);
  return found.kind === "methodNotAllowed" ? found.allowed : undefined;
}

/** Either of the above. */
export function servedMethods(path: string): string[] | undefined {
  return identityMethods(path) ?? graphMethods(path);
}
