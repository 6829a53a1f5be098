// Cold start of Microsoft's Kiota SDK (@microsoft/msgraph-sdk + -users): import, one Get.
const origin = process.argv[2];
const { createGraphServiceClient, GraphRequestAdapter } = await import("@microsoft/msgraph-sdk");
await import("@microsoft/msgraph-sdk-users");
const { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } = await import("@microsoft/kiota-abstractions");
const hosts = new AllowedHostsValidator(new Set([new URL(origin).hostname]));
const auth = new BaseBearerTokenAuthenticationProvider({
  getAuthorizationToken: async () => "bench-token",
  getAllowedHostsValidator: () => hosts,
});
const adapter = new GraphRequestAdapter(auth);
adapter.baseUrl = `${origin}/v1.0`;
const client = createGraphServiceClient(adapter);
const pass = await client.users
  .byUserId("5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01")
  .authentication.temporaryAccessPassMethods.byTemporaryAccessPassAuthenticationMethodId(
    "42cf61da-0b54-4b61-b6cd-362343f41a0e",
  )
  .get();
if (!pass?.id) throw new Error("no pass");
console.log(`OK ${pass.id}`);
