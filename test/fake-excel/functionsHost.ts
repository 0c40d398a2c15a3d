import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "node:path";
import type { FunctionMetadata } from "./customFunctions";

const FUNCTIONS_TS = join(__dirname, "../../src/functions/functions.ts");

/**
 * What the build makes of src/functions/functions.ts, made here for Node
 * tests: the metadata (dist/functions.json) and the associate calls the
 * custom-functions-metadata-plugin appends, from the same generator.
 */
export async function functionsBuild(): Promise<{
  metadata: { functions: FunctionMetadata[] };
  associate: { id: string; functionName: string }[];
}> {
  const r = await generateCustomFunctionsMetadata([FUNCTIONS_TS]);
  if (r.errors.length) throw new Error(r.errors.join("\n"));
  return { metadata: JSON.parse(r.metadataJson), associate: r.associate };
}
