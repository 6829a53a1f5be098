/**
 * The lookup tables of `generated/contract-tables.ts`, worked out from the bundled spec once at
 * generation instead of per exchange (or in a cache) at run time: what each operation documents
 * per status, and the documented property tree of each component schema.
 */
type Node = { $ref?: string; allOf?: Node[]; properties?: Record<string, Node>; items?: Node };

function deref<T>(doc: Record<string, unknown>, node: unknown): T {
  let cur = node as Record<string, unknown>;
  for (let i = 0; i < 16 && cur && typeof cur.$ref === "string"; i++) {
    let target: unknown = doc;
    for (const part of (cur.$ref as string).replace(/^#\//, "").split("/"))
      target = (target as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    cur = target as Record<string, unknown>;
  }
  return cur as T;
}

interface Documented {
  documented: true;
  mediaTypes: string[];
  schemaName: string | undefined;
  requiredHeaders: string[];
}

function documentedResponses(doc: Record<string, unknown>): Record<string, Record<string, Documented>> {
  const out: Record<string, Record<string, Documented>> = {};
  for (const item of Object.values(
    doc.paths as Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>,
  )) {
    for (const method of ["get", "post", "delete", "patch"]) {
      const op = item[method];
      if (!op?.operationId) continue;
      const byStatus: Record<string, Documented> = {};
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        const response = deref<{
          content?: Record<string, { schema?: { $ref?: string } }>;
          headers?: Record<string, unknown>;
        }>(doc, raw);
        byStatus[status] = {
          documented: true,
          mediaTypes: Object.keys(response.content ?? {}),
          schemaName: response.content?.["application/json"]?.schema?.$ref?.split("/").pop(),
          requiredHeaders: Object.entries(response.headers ?? {})
            .filter(([, h]) => deref<{ required?: boolean }>(doc, h).required === true)
            .map(([name]) => name.toLowerCase()),
        };
      }
      out[op.operationId] = byStatus;
    }
  }
  return out;
}

interface Shape {
  properties?: Record<string, Shape>;
  items?: Shape;
}

function propertyShapes(doc: Record<string, unknown>): Record<string, Shape> {
  const schemas = (doc.components as { schemas: Record<string, Node> }).schemas;
  const parts = (node: Node, out: Node[] = []): Node[] => {
    const resolved = deref<Node>(doc, node);
    out.push(resolved);
    for (const sub of resolved.allOf ?? []) parts(sub, out);
    return out;
  };
  const shapeOf = (nodes: Node[]): Shape => {
    const byName = new Map<string, Node[]>();
    const items: Node[] = [];
    for (const node of nodes.flatMap((n) => parts(n))) {
      for (const [name, sub] of Object.entries(node.properties ?? {}))
        byName.set(name, [...(byName.get(name) ?? []), sub]);
      if (node.items) items.push(node.items);
    }
    const shape: Shape = {};
    if (byName.size > 0)
      shape.properties = Object.fromEntries([...byName].map(([name, subs]) => [name, shapeOf(subs)]));
    if (items.length > 0) shape.items = shapeOf(items);
    return shape;
  };
  return Object.fromEntries(
    Object.keys(schemas).map((name) => [name, shapeOf([{ $ref: `#/components/schemas/${name}` }])]),
  );
}

export function contractTablesModule(doc: Record<string, unknown>, header: string): string {
  return (
    `${header}import type { DocumentedByStatus, PropertyShape } from "../src/contract/tables.js";\n\n` +
    `/** operationId → status → what the spec documents for it. */\n` +
    `export const documentedResponses: Readonly<Record<string, DocumentedByStatus>> = ` +
    `${JSON.stringify(documentedResponses(doc), null, 2)};\n\n` +
    `/** Component schema name → its documented property tree (through \`$ref\`, \`allOf\` and array items). */\n` +
    `export const propertyShapes: Readonly<Record<string, PropertyShape>> = ` +
    `${JSON.stringify(propertyShapes(doc), null, 2)};\n`
  );
}
