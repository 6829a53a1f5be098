// Cold start of @microsoft/microsoft-graph-client v3 (untyped): import, one Get.
const origin = process.argv[2];
const { Client } = await import("@microsoft/microsoft-graph-client");
const client = Client.init({
  baseUrl: `${origin}/`,
  defaultVersion: "v1.0",
  customHosts: new Set([new URL(origin).hostname]),
  authProvider: (done) => done(null, "bench-token"),
});
const pass = await client
  .api(
    "/users/5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01/authentication/temporaryAccessPassMethods/" +
      "42cf61da-0b54-4b61-b6cd-362343f41a0e",
  )
  .get();
if (!pass?.id) throw new Error("no pass");
console.log(`OK ${pass.id}`);
