import { parseArgs } from "node:util";

export interface ModelArgs {
  readonly kind: "model";
  readonly input: string;
  /** null = default (beside the input), or none at all with --json. */
  readonly output: string | null;
  readonly json: boolean;
  readonly quiet: boolean;
  /** RepIDs to trace in full (--trace E1101,E1304); empty = the default trace. */
  readonly trace: readonly string[];
  /** xlsx: the workbook with the result sheets added; csv: a folder of one CSV file per result table. */
  readonly format: OutputFormat;
}

export type OutputFormat = "xlsx" | "csv";
const FORMATS: readonly OutputFormat[] = ["xlsx", "csv"];

export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | ModelArgs
  | { readonly kind: "usage-error"; readonly message: string };

const OPTIONS = {
  output: { type: "string", short: "o" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  trace: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Parses the command line (without node and the script path). Never throws: bad input becomes a usage error. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own wording for an unknown option runs on about positionals (and leaves a quote open): ours is shorter.
    const unknown = /Unknown option '([^']*)'/.exec(String(error));
    if (unknown) return { kind: "usage-error", message: `unknown option '${unknown[1]}'` };
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
  const trace = (values.trace ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (values.trace !== undefined && trace.length === 0) {
    return { kind: "usage-error", message: "--trace needs RepIDs, e.g. --trace E1101,E1304" };
  }
  const format = (values.format ?? "xlsx").trim().toLowerCase();
  if (!FORMATS.includes(format as OutputFormat)) {
    return { kind: "usage-error", message: `--format must be xlsx or csv, got '${values.format ?? ""}'` };
  }
  return {
    kind: "model",
    format: format as OutputFormat,
    input: rest[0],
    output: values.output ?? null,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    trace,
  };
}
