#!/usr/bin/env node
"use strict";
// Shim for the compiled CLI: `npm run build:cli` compiles src/ to dist/node/.
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("compplan: the CLI is not built yet. Run: npm run build:cli\n");
  process.exit(3);
}
// A reader that stops early (`compplan model … | head`) closes stdout: the run still finishes and writes its
// workbook; only the lines nobody reads are dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code !== "EPIPE") throw e;
  });
}
process.exitCode = require(compiled).main(process.argv.slice(2));
