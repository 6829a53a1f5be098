/** The public types of the client, named for users and derived from the generated spec types. */
import type { components } from "../../generated/api.js";
import type { CloudId } from "../spec/document.js";

type Schemas = components["schemas"];

/** A user's Temporary Access Pass method as Get and List return it: `temporaryAccessPass` is `null`. */
export type TemporaryAccessPassMethod = Schemas["TemporaryAccessPassAuthenticationMethod"];

/** The 201 body of Create: the only time `temporaryAccessPass` holds the passcode. */
export type CreatedTemporaryAccessPassMethod = Schemas["CreatedTemporaryAccessPassAuthenticationMethod"];

/** The body of Create; every property is optional (`{}` takes the tenant policy's defaults). */
export type TemporaryAccessPassCreateRequest = Schemas["TemporaryAccessPassCreateRequest"];

/** The tenant's Temporary Access Pass policy, as `getPolicy()` returns it. */
export type TemporaryAccessPassPolicy = Schemas["TemporaryAccessPassAuthenticationMethodConfiguration"];

/**
 * What `updatePolicy()` sends: the properties to change. `@odata.type` may be left out: the
 * client adds it, as Graph's PATCH needs it.
 */
export type TemporaryAccessPassPolicyUpdate = Omit<
  Schemas["TemporaryAccessPassAuthenticationMethodConfigurationUpdate"],
  "@odata.type"
> & {
  "@odata.type"?: Schemas["TemporaryAccessPassAuthenticationMethodConfigurationUpdate"]["@odata.type"];
};

/** The reasons Graph documents today. */
export type DocumentedMethodUsabilityReason =
  | "EnabledByPolicy"
  | "DisabledByPolicy"
  | "Expired"
  | "NotYetValid"
  | "OneTimeUsed";

/**
 * Why a pass is or is not usable now. An open set (Graph types it as a string): the documented
 * values, or one Microsoft adds later. `string & {}` keeps the documented ones in autocompletion.
 */
export type MethodUsabilityReason = Schemas["MethodUsabilityReason"] &
  (DocumentedMethodUsabilityReason | (string & {}));

/** Graph's error envelope, `{ error: { code, message, innerError } }`. */
export type GraphErrorEnvelope = Schemas["ODataError"];

/** The List response: a user has at most one pass, and the type says so. */
export interface TemporaryAccessPassMethodList<Item = TemporaryAccessPassMethod> {
  "@odata.context": string;
  value: [] | [Item];
}

/** The properties `select` may name (`$select`). */
export type SelectableProperty = components["parameters"]["select"][number];

/**
 * The clouds where Graph v1.0 has the TAP API. China (21Vianet) is left out on purpose: the
 * spec's `x-clouds` marks it `tapAvailable: false` (a test keeps this type and the table in step).
 */
export type TapCloudId = Exclude<CloudId, "china">;
