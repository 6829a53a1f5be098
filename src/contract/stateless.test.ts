/**
 * Rules hold no memory: nothing in src/contract keeps mutable state at module level. Every
 * source file (tests aside) is parsed and its top-level statements are read: no `let`/`var`, no
 * assignment, and every `const` holding a collection or a literal object/array is read-only by
 * its type, `as const` or `Object.freeze`. (Regular expressions are allowed: the /g ones are only
 * used with `replace`, which resets `lastIndex`.) What a check may remember belongs to an object
 * its caller owns.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const readOnlyType = (type: ts.TypeNode | undefined) =>
  type !== undefined && /^(Readonly|readonly )/.test(type.getText());

function unwrap(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e;
}

function isFrozen(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (ts.isAsExpression(x)) return x.type.getText() === "const" || readOnlyType(x.type) || isFrozen(x.expression);
  return ts.isCallExpression(x) && x.expression.getText() === "Object.freeze";
}

/** Why a top-level statement holds mutable state, or undefined. */
function mutableState(statement: ts.Statement): string | undefined {
  if (ts.isVariableStatement(statement)) {
    const list = statement.declarationList;
    if (!(list.flags & ts.NodeFlags.Const)) return "a top-level let/var";
    for (const d of list.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!init || readOnlyType(d.type) || isFrozen(d.initializer!)) continue;
      if (ts.isNewExpression(init) && /^(Map|Set|WeakMap|WeakSet|Array)$/.test(init.expression.getText()))
        return `a mutable ${init.expression.getText()} (${d.name.getText()})`;
      if (ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init))
        return `a mutable literal (${d.name.getText()})`;
    }
  }
  if (
    ts.isExpressionStatement(statement) &&
    ts.isBinaryExpression(statement.expression) &&
    statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    return "a top-level assignment";
  }
  if (
    ts.isClassDeclaration(statement) &&
    statement.members.some(
      (m) => ts.isPropertyDeclaration(m) && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
    )
  ) {
    return "a class with static fields";
  }
  return undefined;
}

function findings(text: string, name: string): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2023, true);
  return file.statements.flatMap((s) => {
    const why = mutableState(s);
    return why ? [`${name}:${file.getLineAndCharacterOfPosition(s.getStart()).line + 1}: ${why}`] : [];
  });
}

describe("src/contract keeps no state at module level", () => {
  it("has no top-level let, assignment, or mutable collection in any source file", () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => findings(readFileSync(f, "utf8"), relative(root, f)));
    expect(found).toEqual([]);
  });

  it("compiles no schema: Ajv is imported for its types only (the validators are precompiled in generated/)", () => {
    const runtimeAjv = sources(root).filter((f) =>
      /^import (?!type )[^;]*from "ajv(\/[^"]*)?";/m.test(readFileSync(f, "utf8")),
    );
    expect(runtimeAjv.map((f) => relative(root, f))).toEqual([]);
  });

  it("would catch the caches it replaced", () => {
    const planted = [
      "let last: string | undefined;",
      "const memo = new Map<string, number>();",
      "const names = new Set<string>();",
      "const plans = new WeakMap<object, object>();",
      "const memo2: { names: string[] } = { names: [] };",
      "cache.size = 0;",
    ];
    for (const line of planted) expect(findings(line, "planted.ts"), line).toHaveLength(1);
    for (const line of [
      "const a: ReadonlySet<string> = new Set();",
      "const b = Object.freeze({ x: 1 });",
      "const c = [1, 2] as const;",
      "const d = 5;",
    ]) {
      expect(findings(line, "fine.ts"), line).toEqual([]);
    }
  });
});
