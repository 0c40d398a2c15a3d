#!/usr/bin/env node
"use strict";
// Shim for the built CLI: `npm run build:cli` compiles src/ to dist/node/ and bundles the CLI into dist/cli/
// (one file loads in half the time of ~200 modules).
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "cli", "compplan.js");
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
