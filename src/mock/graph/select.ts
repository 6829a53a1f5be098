/** `$select`: the properties the spec's `select` parameter allows, matched case-insensitively. */
import { spec } from "../../spec/index.js";

interface SelectParameter {
  schema: { items: { enum: string[] } };
}

const selectable: ReadonlyMap<string, string> = (() => {
  const param = (spec.components.parameters as Record<string, SelectParameter | undefined>).select;
  return new Map((param?.schema.items.enum ?? []).map((name) => [name.toLowerCase(), name]));
})();

export type SelectResult = { ok: true; selected?: string[] } | { ok: false; property: string };

/** Read `$select` from a raw query string (undefined selected = everything). */
export function parseSelect(query: string): SelectResult {
  if (query === "" || !query.toLowerCase().includes("select")) return { ok: true };
  let raw: string | null = null;
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.toLowerCase() === "$select" || key.toLowerCase() === "select") {
      raw = value;
      break;
    }
  }
  if (raw === null || raw.trim() === "") return { ok: true };
  const selected: string[] = [];
  for (const part of raw.split(",")) {
    const name = part.trim();
    const canonical = selectable.get(name.toLowerCase());
    if (!canonical) return { ok: false, property: name.length > 64 ? `${name.slice(0, 64)}…` : name };
    if (!selected.includes(canonical)) selected.push(canonical);
  }
  return { ok: true, selected };
}
