import { parseArgs } from "node:util";

export interface ModelArgs {
  readonly kind: "model";
  readonly input: string;
  /** null = default (beside the input), or none at all with --json. */
  readonly output: string | null;
  readonly json: boolean;
  readonly quiet: boolean;
}

export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | ModelArgs
  | { readonly kind: "usage-error"; readonly message: string };

const OPTIONS = {
  output: { type: "string", short: "o" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Parses the command line (without node and the script path). Never throws: bad input becomes a usage error. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage-error", message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };

  const [command, ...rest] = positionals;
  if (command === undefined)
    return { kind: "usage-error", message: "missing command (try: compplan model <input.xlsx>)" };
  if (command !== "model") return { kind: "usage-error", message: `unknown command '${command}'` };
  if (rest.length === 0) return { kind: "usage-error", message: "model: missing <input.xlsx>" };
  if (rest.length > 1) return { kind: "usage-error", message: `model: expected one input file, got ${rest.length}` };
  if (values.output !== undefined && values.output.trim() === "") {
    return { kind: "usage-error", message: "-o/--output needs a file name" };
  }
  return {
    kind: "model",
    input: rest[0],
    output: values.output ?? null,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
  };
}
