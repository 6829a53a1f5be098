/** graph-tap-contract/msw: the faithful mock as MSW request handlers (public exports only). */
export { createTapHandlers } from "./create-tap-handlers.js";
export type { TapHandlers, TapHandlersOptions } from "./create-tap-handlers.js";
export type { MockGraphCore, MockGraphOptions } from "../mock/core.js";
