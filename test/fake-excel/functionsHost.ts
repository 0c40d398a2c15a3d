import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FunctionMetadata } from "./customFunctions";

/** The source file, found from the repository root also when this runs compiled (the bench's .bench/js). */
function functionsSource(): string {
  for (let dir = __dirname; dir !== join(dir, ".."); dir = join(dir, "..")) {
    const file = join(dir, "src/functions/functions.ts");
    if (existsSync(file) && !dir.includes(".bench")) return file;
  }
  throw new Error("src/functions/functions.ts not found");
}

/**
 * What the build makes of src/functions/functions.ts, made here for Node
 * tests: the metadata (dist/functions.json) and the associate calls the
 * custom-functions-metadata-plugin appends, from the same generator.
 */
export async function functionsBuild(): Promise<{
  metadata: { functions: FunctionMetadata[] };
  associate: { id: string; functionName: string }[];
}> {
  const r = await generateCustomFunctionsMetadata([functionsSource()]);
  if (r.errors.length) throw new Error(r.errors.join("\n"));
  return { metadata: JSON.parse(r.metadataJson), associate: r.associate };
}
