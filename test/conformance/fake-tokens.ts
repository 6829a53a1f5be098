/** Unsigned JWT-shaped tokens for targets that never verify them (hostile test servers). */
export function fakeToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.c2ln`;
}

export const fakeAppToken = fakeToken({
  idtyp: "app",
  oid: "00000000-0000-0000-0000-0000000000ap",
  roles: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
});
