// What `require("graph-tap-contract")` meets on a Node without require(esm) (22.0 to 22.11, or
// --no-experimental-require-module): the package is an ES module, so say how to load it instead
// of Node's bare ERR_PACKAGE_PATH_NOT_EXPORTED. Node 20.19+ and 22.12+ take the `module-sync`
// branch of `exports` and load the ES module itself.
"use strict";
const error = new Error(
  "graph-tap-contract is an ES module: require() of it needs Node 20.19+ or 22.12+ (require(esm)); " +
    'here use `import { createTapClient } from "graph-tap-contract"`, ' +
    'or from CommonJS `const { createTapClient } = await import("graph-tap-contract")`',
);
error.code = "ERR_REQUIRE_ESM";
throw error;
