/**
 * The rule catalog of `generated/rule-catalog.ts`: every rule file in `src/contract/rules/`
 * (one rule per file, its default export, its id the file name), in report order (stage, then
 * id). Adding a rule is adding its file and running `npm run generate`: there is no list to edit.
 *
 * Why generated rather than found at run time: the client loads the rules in browsers, where no
 * directory can be read, and a hand-kept import list would be a second registration point. The
 * generator is already the step after any spec change, and the drift test fails when a rule
 * file was added without it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const stages = ["transport", "schema", "semantics"];

function identifier(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * The file is read, not imported: the rules import generated modules this very run writes. A rule
 * file states its id and stage as plain literals, which `defineRule`'s types keep honest.
 */
export function ruleCatalogModule(root: string, header: string): string {
  const dir = join(root, "src/contract/rules");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const rules: Array<{ id: string; stage: string }> = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    const id = file.slice(0, -3);
    if (!text.includes("export default defineRule({") || !text.includes(`\n  id: ${JSON.stringify(id)},`)) {
      throw new Error(`generate: src/contract/rules/${file} must \`export default defineRule({ id: "${id}", ... })\``);
    }
    const stage = /\n {2}stage: "([a-z]+)",/.exec(text)?.[1];
    if (!stage || !stages.includes(stage))
      throw new Error(`generate: rule "${id}" needs a stage (${stages.join(", ")})`);
    rules.push({ id, stage });
  }
  rules.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage) || (a.id < b.id ? -1 : 1));
  const imports = rules.map((r) => `import ${identifier(r.id)} from "../src/contract/rules/${r.id}.js";`).join("\n");
  return (
    `${header}${imports}\n\n/** Every exchange rule, in report order: transport and envelope, schema, semantics. */\n` +
    `export const ruleCatalog = [\n${rules.map((r) => `  ${identifier(r.id)},`).join("\n")}\n] as const;\n`
  );
}
