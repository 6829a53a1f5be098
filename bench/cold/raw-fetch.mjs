// The limit of a cold start: Node itself and one raw fetch of the same Get, nothing imported.
const origin = process.argv[2];
const res = await fetch(
  `${origin}/v1.0/users/5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01/authentication/temporaryAccessPassMethods/` +
    `42cf61da-0b54-4b61-b6cd-362343f41a0e`,
  {
    headers: { authorization: "Bearer bench-token" },
  },
);
const pass = await res.json();
if (!pass?.id) throw new Error("no pass");
console.log(`OK ${pass.id}`);
