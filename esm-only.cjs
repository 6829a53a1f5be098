// What `require("graph-tap-contract")` meets: the package is ESM-only, so say how to load it
// instead of Node's bare ERR_PACKAGE_PATH_NOT_EXPORTED.
"use strict";
const error = new Error(
  'graph-tap-contract is an ES module only: use `import { createTapClient } from "graph-tap-contract"`, ' +
    'or from CommonJS `const { createTapClient } = await import("graph-tap-contract")`',
);
error.code = "ERR_REQUIRE_ESM";
throw error;
