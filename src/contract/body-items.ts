/** Reading a response: success statuses, JSON objects, and the TAP items a body carries. */
import type { ExchangeContext, TapItem } from "./exchange.js";

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The TAP items of a success body: the entity of Get/Create, the `value` items of List. */
export function tapItems(ctx: ExchangeContext): TapItem[] {
  return (ctx.items ??= collectItems(ctx));
}

function collectItems(ctx: ExchangeContext): TapItem[] {
  if (!isSuccess(ctx.status) || ctx.bodyState !== "json" || !isObject(ctx.body)) return [];
  if (ctx.operation.kind === "list") {
    const value = ctx.body.value;
    if (!Array.isArray(value)) return [];
    const out: TapItem[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isObject(item)) out.push({ item, path: `/value/${i}` });
    }
    return out;
  }
  if (ctx.operation.kind === "get" || ctx.operation.kind === "create") return [{ item: ctx.body, path: "" }];
  return [];
}
