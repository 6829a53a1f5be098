/** graph-tap-contract: the typed client for Graph's Temporary Access Pass API (public exports only). */
export * from "./client/index.js";
export { clouds, tapCloud, CloudNotSupportedError } from "./spec/clouds.js";
export type { CloudId, CloudInfo } from "./spec/document.js";
export type { Violation, Severity } from "./contract/violation.js";
