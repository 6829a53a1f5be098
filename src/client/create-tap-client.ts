/**
 * `createTapClient()`: `raw`, the openapi-fetch client with the client's middleware (bearer
 * token, client-request-id, contract, retry), the four typed operations on a user's pass and the
 * two on the tenant's policy, thin wrappers that
 * send through it: one request path (`createMany` too, through `/$batch`). The wrappers add what is per call (argument
 * checks, the timeout and the caller's signal, the body cap on a success body) and shape the result.
 */
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { paths } from "../../generated/api.js";
import { createMany, type CreateManyOptions, type CreateManyResult } from "./create-many.js";
import { tokenSource } from "./credential.js";
import { InvalidInputError, RequestTimeoutError } from "./errors.js";
import { bearerTokenMiddleware } from "./middleware/bearer-token.js";
import { contractMiddleware } from "./middleware/contract.js";
import { requestIdMiddleware } from "./middleware/request-id.js";
import { retryMiddleware } from "./middleware/retry.js";
import { delayMs, resolveOptions, type TapClientOptions } from "./options.js";
import { serializePath } from "./path-segment.js";
import { toResult, type TapResult } from "./result.js";
import { boundedTransport, readJson, type FetchLike } from "./transport.js";
import type {
  CreatedTemporaryAccessPassMethod,
  SelectableProperty,
  TapCloudId,
  TemporaryAccessPassCreateRequest,
  TemporaryAccessPassMethod,
  TemporaryAccessPassMethodList,
  TemporaryAccessPassPolicy,
  TemporaryAccessPassPolicyUpdate,
} from "./types.js";

/** Options every call takes. */
export interface CallOptions {
  /** Abort the call (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** This call's time budget instead of the client's `timeoutMs`. */
  timeoutMs?: number;
}

/** `"me"` for the signed-in user (delegated tokens), else a user's object id or userPrincipalName. */
export type UserRef = string;

/** The properties a `select` kept: all of them without one. */
export type Selected<T, S extends readonly SelectableProperty[]> = [S] extends [never]
  ? T
  : Pick<T, S[number] & keyof T>;

// Create has no `/me` path in the contract (administrators cannot create a pass for themselves).
type NotMe<U extends string> = Lowercase<U> extends "me" ? { user: never } : unknown;

export interface TapClient {
  /** Get one pass by its id (`temporaryAccessPass` is always `null` on reads). */
  get<const S extends readonly SelectableProperty[] = never>(
    args: { user: UserRef; id: string; select?: S } & CallOptions,
  ): Promise<TapResult<Selected<TemporaryAccessPassMethod, S>>>;
  /** List a user's passes: zero or one. */
  list<const S extends readonly SelectableProperty[] = never>(
    args: { user: UserRef; select?: S } & CallOptions,
  ): Promise<TapResult<TemporaryAccessPassMethodList<Selected<TemporaryAccessPassMethod, S>>>>;
  /** Create a pass for a user (replacing any earlier one). The result is the only time the passcode is returned. */
  create<U extends string>(
    args: { user: U; body?: TemporaryAccessPassCreateRequest } & NotMe<U> & CallOptions,
  ): Promise<TapResult<CreatedTemporaryAccessPassMethod>>;
  /** Delete a pass; it stops working at once. */
  delete(args: { user: UserRef; id: string } & CallOptions): Promise<TapResult<undefined>>;
  /** Read the tenant's TAP policy (Policy.Read.All, or a policy role for delegated tokens). */
  getPolicy(options?: CallOptions): Promise<TapResult<TemporaryAccessPassPolicy>>;
  /**
   * Change the tenant's TAP policy (Policy.ReadWrite.AuthenticationMethod): only the properties
   * given; `@odata.type` is added. Graph answers 204 with no body; a refused change changes nothing.
   */
  updatePolicy(patch: TemporaryAccessPassPolicyUpdate, options?: CallOptions): Promise<TapResult<undefined>>;
  /**
   * A pass for each user, through JSON batching (20 Creates to a batch); throttled Creates are sent
   * again after their `Retry-After` within the call's deadline. One result per user, in input order:
   * the pass with its passcode, or the error as data.
   */
  createMany(
    users: readonly string[],
    body?: TemporaryAccessPassCreateRequest,
    options?: CreateManyOptions,
  ): Promise<CreateManyResult[]>;
  /** The openapi-fetch client underneath, with the same middleware, for anything else the spec allows. */
  readonly raw: Client<paths>;
  /** The base URL calls go to (e.g. `https://graph.microsoft.com/v1.0`). */
  readonly baseUrl: string;
  readonly cloud: TapCloudId;
}

type Shape = "object" | "list" | "none";

const METHODS = "/authentication/temporaryAccessPassMethods";
const ITEM = "/{temporaryAccessPassAuthenticationMethod-id}";

const POLICY = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const POLICY_TYPE = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

/** What tells the operations apart. */
interface Operation {
  name: string;
  method: "GET" | "POST" | "DELETE" | "PATCH";
  /** The tenant's policy: no user in the path. */
  tenant?: true;
  /** The path names one pass (`id`); else the collection. */
  item: boolean;
  /** Takes `select`. */
  select: boolean;
  shape: Shape;
}
const GET: Operation = { name: "get", method: "GET", item: true, select: true, shape: "object" };
const LIST: Operation = { name: "list", method: "GET", item: false, select: true, shape: "list" };
const CREATE: Operation = { name: "create", method: "POST", item: false, select: false, shape: "object" };
const DELETE: Operation = { name: "delete", method: "DELETE", item: true, select: false, shape: "none" };
const GET_POLICY: Operation = {
  name: "getPolicy",
  method: "GET",
  tenant: true,
  item: false,
  select: false,
  shape: "object",
};
const UPDATE_POLICY: Operation = {
  name: "updatePolicy",
  method: "PATCH",
  tenant: true,
  item: false,
  select: false,
  shape: "none",
};

/** Any operation's argument, before it is checked. */
interface OperationInput extends CallOptions {
  user: string;
  id?: string;
  select?: readonly string[];
  body?: unknown;
}

/** `raw.request` as the wrappers call it: the path and its params are checked at run time by `serializePath`. */
type Send = (
  method: string,
  path: string,
  init: {
    params: { path: Record<string, unknown>; query?: Record<string, unknown>; header: Record<string, string> };
    body?: unknown;
    signal: AbortSignal;
    parseAs: "stream";
    fetch: FetchLike;
  },
) => Promise<{ response: Response }>;

function isMe(user: string): boolean {
  return typeof user === "string" && user.toLowerCase() === "me";
}

/** A typed client for Graph's Temporary Access Pass API. Bad options throw here, before any request. */
export function createTapClient(options: TapClientOptions): TapClient {
  const resolved = resolveOptions(options);
  const token = tokenSource(options.credential, resolved.scopes);
  // `$select` travels comma-separated (style form, explode false), as the spec declares.
  const querySerializer = createQuerySerializer({ array: { style: "form", explode: false } });
  const base: FetchLike = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: boundedTransport(base, resolved.maxResponseBytes),
    // Checks and encodes every path parameter: a bad id is refused before any request.
    pathSerializer: serializePath,
    querySerializer,
    // Graph never redirects these calls: a 3xx is answered as an { error }, never followed to another host.
    redirect: "manual",
  });
  raw.use(requestIdMiddleware(), bearerTokenMiddleware(token));
  const contract = options.contract
    ? contractMiddleware(options.contract, resolved.basePath, resolved.maxResponseBytes)
    : undefined;
  if (contract) raw.use(contract);
  // Registered last: its onResponse runs first, so the other middleware sees the final response
  // (and the contract middleware sees the ones a retry replaced through `inspect`).
  if (options.retry !== false) raw.use(retryMiddleware(options.retry ?? {}, resolved.timeoutMs, contract?.inspect));
  const send = raw.request as unknown as Send;

  // Async: bad input rejects the returned promise (before any request) instead of throwing.
  async function call<T>(operation: Operation, input: OperationInput | undefined): Promise<TapResult<T>> {
    const a = operation.tenant ? tenantArgs(input, operation.name) : args(input, operation.name);
    const { method, shape } = operation;
    const me = !operation.tenant && isMe(a.user);
    if (method === "POST" && me) {
      throw new InvalidInputError(
        "create: the contract has no Create on /me (administrators cannot create a pass for themselves): expected " +
          "user to be a user's object id or userPrincipalName",
      );
    }
    const select = operation.select ? checkSelect(a.select) : undefined;
    const path = operation.tenant
      ? POLICY
      : (me ? `/me${METHODS}` : `/users/{user-id}${METHODS}`) + (operation.item ? ITEM : "");
    const params: Record<string, unknown> = {};
    // The ids as given: raw's path serializer checks and encodes them (user first, as in the path).
    if (!me && !operation.tenant) params["user-id"] = a.user;
    if (operation.item) params["temporaryAccessPassAuthenticationMethod-id"] = a.id;
    // Sent as a header, so that the result can name it (the request-id middleware keeps one the caller set).
    const clientRequestId = crypto.randomUUID();
    const budget =
      a.timeoutMs === undefined ? resolved.timeoutMs : delayMs("timeoutMs", a.timeoutMs, resolved.timeoutMs);
    // One controller per call: the timeout and the caller's signal both abort it. (A listener on
    // the caller's signal costs far less than AbortSignal.any.)
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new RequestTimeoutError(`${method} ${path}: no complete response within ${budget} ms`, budget),
        ),
      budget,
    );
    const caller = a.signal;
    const onAbort = caller ? () => controller.abort(caller.reason) : undefined;
    if (caller && onAbort) {
      if (caller.aborted) onAbort();
      else caller.addEventListener("abort", onAbort, { once: true });
    }
    try {
      const { response } = await send(method, path, {
        params: {
          path: params,
          query: select && { $select: select },
          header: { "client-request-id": clientRequestId },
        },
        body:
          method === "POST"
            ? (a.body ?? {})
            : method === "PATCH"
              ? { "@odata.type": POLICY_TYPE, ...(a.body as object) }
              : undefined,
        signal: controller.signal,
        // A success body is left unread: the client reads it once, within maxResponseBytes.
        parseAs: "stream",
        // This call's transport: its bodies end on this call's signal, which the call holds (the
        // Request openapi-fetch builds follows it only weakly).
        fetch: boundedTransport(base, resolved.maxResponseBytes, controller.signal),
      });
      let success: unknown;
      if (response.ok) {
        if (shape === "none") await response.body?.cancel();
        else success = await readJson(response, controller.signal);
      }
      return toResult<T>(response, success, clientRequestId, shape);
    } catch (err) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw err;
    } finally {
      clearTimeout(timer);
      if (caller && onAbort) caller.removeEventListener("abort", onAbort);
    }
  }

  function checkSelect(select: readonly string[] | undefined): readonly string[] | undefined {
    if (select !== undefined && (!Array.isArray(select) || select.length === 0))
      throw new InvalidInputError("select must be a non-empty list of property names");
    return select;
  }

  /** The policy calls take no user: `{ body?, signal?, timeoutMs? }`, the patch checked to be an object. */
  function tenantArgs(value: OperationInput | undefined, operation: string): OperationInput {
    if (value !== undefined && (typeof value !== "object" || value === null))
      throw new InvalidInputError(`${operation}: expected call options such as { timeoutMs: 5000 }`);
    if (
      operation === "updatePolicy" &&
      (value?.body === null || typeof value?.body !== "object" || Array.isArray(value.body))
    )
      throw new InvalidInputError("updatePolicy: expected the properties to change, e.g. { isUsableOnce: true }");
    return { ...value, user: "" };
  }

  function args(value: OperationInput | undefined, operation: string): OperationInput {
    if (!value || typeof value !== "object")
      throw new InvalidInputError(`${operation}: expected an object argument such as { user: "me" }`);
    return value;
  }

  return {
    get: (input) => call(GET, input),
    list: (input) => call(LIST, input),
    create: (input) => call(CREATE, input),
    delete: (input) => call(DELETE, input),
    getPolicy: (options) => call(GET_POLICY, options as OperationInput | undefined),
    updatePolicy: (patch, options) => call(UPDATE_POLICY, { ...options, user: "", body: patch }),
    createMany: (users, body, manyOptions) =>
      createMany({ raw, timeoutMs: resolved.timeoutMs }, users, body, manyOptions),
    raw,
    baseUrl: resolved.baseUrl,
    cloud: resolved.cloud,
  };
}
