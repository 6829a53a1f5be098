/**
 * The mock in its own process, as `tap-contract mock` runs it, with an application token
 * minted in-process. Prints `READY <origin> <token> <path of megan's pass>`; exits when its
 * parent closes stdin.
 */
import { defaultFixtures, startMockGraph } from "../../src/mock/index.js";

const mock = await startMockGraph();
const megan = defaultFixtures.users.find((u) => u.name === "megan")!;
const token = await mock.issueToken({ app: defaultFixtures.apps[0]!.clientId });
console.log(
  `READY ${mock.url} ${token} /v1.0/users/${megan.id}/authentication/temporaryAccessPassMethods/${megan.tap!.id}`,
);
process.stdin.resume();
process.stdin.on("end", () => {
  void mock.close().then(() => process.exit(0));
});
