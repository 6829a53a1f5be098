export { createTapClient } from "./create-tap-client.js";
export type { CallOptions, Selected, TapClient, UserRef } from "./create-tap-client.js";
export type { TapClientOptions } from "./options.js";
export { batchSize } from "./create-many.js";
export type { CreateManyOptions, CreateManyProgress, CreateManyResult } from "./create-many.js";
export type { TapCredential, TokenCredentialLike, TokenFunction } from "./credential.js";
export type { RetryInfo, RetryOptions } from "./middleware/retry.js";
export type { ContractOptions, ReportedExchange } from "./middleware/contract.js";
export { unwrap } from "./result.js";
export type { TapResult } from "./result.js";
export {
  ContractError,
  CredentialError,
  GraphError,
  InvalidInputError,
  InvalidResponseError,
  NetworkError,
  RequestTimeoutError,
} from "./errors.js";
export type { TapError } from "./errors.js";
export type * from "./types.js";
