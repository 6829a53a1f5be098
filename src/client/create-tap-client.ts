/** `createTapClient()`: the typed operations (sent directly, see direct-send.ts) and `raw`, the openapi-fetch client with the same middleware. */
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { paths } from "../../generated/api.js";
import { tokenSource } from "./credential.js";
import { directSend } from "./direct-send.js";
import { InvalidInputError, RequestTimeoutError } from "./errors.js";
import { bearerTokenMiddleware } from "./middleware/bearer-token.js";
import { contractMiddleware } from "./middleware/contract.js";
import { requestIdMiddleware } from "./middleware/request-id.js";
import { retrier, retryMiddleware } from "./middleware/retry.js";
import { positive, resolveOptions, type TapClientOptions } from "./options.js";
import { checkSegment, encodeSegment, serializePath } from "./path-segment.js";
import { toResult, type TapResult } from "./result.js";
import { boundedTransport, readJson } from "./transport.js";
import type {
  CreatedTemporaryAccessPassMethod,
  SelectableProperty,
  TapCloudId,
  TemporaryAccessPassCreateRequest,
  TemporaryAccessPassMethod,
  TemporaryAccessPassMethodList,
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
export type Selected<T, S extends readonly SelectableProperty[]> = [S] extends [never] ? T : Pick<T, S[number] & keyof T>;

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
  /** The openapi-fetch client underneath, with the same middleware, for anything else the spec allows. */
  readonly raw: Client<paths>;
  /** The base URL calls go to (e.g. `https://graph.microsoft.com/v1.0`). */
  readonly baseUrl: string;
  readonly cloud: TapCloudId;
}

type Shape = "object" | "list" | "none";

const METHODS = "/authentication/temporaryAccessPassMethods";
const ME = `/me${METHODS}`;
const USERS = `/users/{user-id}${METHODS}`;
const ITEM = "/{temporaryAccessPassAuthenticationMethod-id}";
const USER_ID = "user-id";

/** What tells the four operations apart. */
interface Operation {
  name: string;
  method: string;
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

/** Any operation's argument, before it is checked. */
interface OperationInput extends CallOptions {
  user: string;
  id?: string;
  select?: readonly string[];
  body?: unknown;
}
const PASS_ID = "temporaryAccessPassAuthenticationMethod-id";

/** An answer openapi-fetch returns without reading its body. */
function emptyAnswer(response: Response): boolean {
  const length = response.headers.get("content-length");
  return response.status === 204 || (length === "0" && !response.headers.get("transfer-encoding")?.includes("chunked"));
}

function isMe(user: string): boolean {
  return typeof user === "string" && user.toLowerCase() === "me";
}

/** A typed client for Graph's Temporary Access Pass API. Bad options throw here, before any request. */
export function createTapClient(options: TapClientOptions): TapClient {
  const resolved = resolveOptions(options);
  const token = tokenSource(options.credential, resolved.scopes);
  // `$select` travels comma-separated (style form, explode false), as the spec declares.
  const querySerializer = createQuerySerializer({ array: { style: "form", explode: false } });
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: boundedTransport(options.fetch ?? ((request: Request) => globalThis.fetch(request)), resolved.maxResponseBytes),
    pathSerializer: serializePath,
    querySerializer,
    // Graph never redirects these calls: a 3xx is answered as an { error }, never followed to another host.
    redirect: "manual",
  });
  raw.use(requestIdMiddleware(), bearerTokenMiddleware(token));
  const contract = options.contract ? contractMiddleware(options.contract, resolved.basePath, resolved.maxResponseBytes) : undefined;
  if (contract) raw.use(contract);
  // Registered last: its onResponse runs first, so the other middleware sees the final response
  // (and the contract middleware sees the ones a retry replaced through `inspect`).
  if (options.retry !== false) raw.use(retryMiddleware(options.retry ?? {}, resolved.timeoutMs, contract?.inspect));
  // The typed operations send the same requests through the same policies, without openapi-fetch's per-call cost.
  const send = directSend({
    fetch: options.fetch,
    token,
    maxResponseBytes: resolved.maxResponseBytes,
    retry: options.retry === false ? undefined : retrier(options.retry ?? {}, resolved.timeoutMs),
    contract,
  });

  // Async: bad input rejects the returned promise (before any request) instead of throwing.
  async function call<T>(operation: Operation, input: OperationInput | undefined): Promise<TapResult<T>> {
    const a = args(input, operation.name);
    const { method, item, shape } = operation;
    const post = method === "POST";
    if (post && isMe(a.user)) {
      throw new InvalidInputError('create: the contract has no Create on /me (administrators cannot create a pass for themselves): expected user to be a user\'s object id or userPrincipalName');
    }
    const select = operation.select ? checkSelect(a.select) : undefined;
    const body = post ? a.body ?? {} : undefined;
    const { user, id } = a;
    const me = isMe(user);
    const path = (me ? ME : USERS) + (item ? ITEM : "");
    const clientRequestId = crypto.randomUUID();
    const budget = a.timeoutMs === undefined ? resolved.timeoutMs : positive("timeoutMs", a.timeoutMs, resolved.timeoutMs);
    // One controller per call: the timeout and the caller's signal both abort it. (A listener on
    // the caller's signal costs far less than AbortSignal.any.)
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new RequestTimeoutError(`${method} ${path}: no complete response within ${budget} ms`, budget)),
      budget,
    );
    const caller = a.signal;
    const onAbort = caller ? () => controller.abort(caller.reason) : undefined;
    if (caller && onAbort) {
      if (caller.aborted) onAbort();
      else caller.addEventListener("abort", onAbort, { once: true });
    }
    try {
      // In openapi-fetch's order: the body first, then the URL, whose ids are checked and encoded
      // as its path serializer does them for `raw` (user first).
      const sent = body === undefined ? undefined : JSON.stringify(body);
      let url = resolved.baseUrl + (me ? ME : `/users/${encodeSegment(checkSegment(USER_ID, user))}${METHODS}`);
      if (item) url += `/${encodeSegment(checkSegment(PASS_ID, id))}`;
      // openapi-fetch's form style without explode: `$select=a,b`, each name percent-encoded.
      if (select !== undefined) url += `?$select=${select.map(encodeURIComponent).join(",")}`;
      const response = await send(method, url, sent, clientRequestId, controller.signal);
      let success: unknown;
      if (response.ok) {
        if (shape === "none") await response.body?.cancel();
        else success = await readJson(response, resolved.maxResponseBytes, controller.signal);
      } else if (!emptyAnswer(response)) {
        // openapi-fetch reads an error response's (already buffered) body: its `bodyUsed` stays the same here.
        await response.text();
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
    if (select !== undefined && (!Array.isArray(select) || select.length === 0)) throw new InvalidInputError("select must be a non-empty list of property names");
    return select;
  }

  function args(value: OperationInput | undefined, operation: string): OperationInput {
    if (!value || typeof value !== "object") throw new InvalidInputError(`${operation}: expected an object argument such as { user: "me" }`);
    return value;
  }

  return {
    get: (input) => call(GET, input),
    list: (input) => call(LIST, input),
    create: (input) => call(CREATE, input),
    delete: (input) => call(DELETE, input),
    raw,
    baseUrl: resolved.baseUrl,
    cloud: resolved.cloud,
  };
}
