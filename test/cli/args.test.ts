import { parseCliArgs } from "../../src/cli/args";

describe("parseCliArgs", () => {
  it("reads the model command with its options", () => {
    expect(
      parseCliArgs(["model", "in.xlsx", "-o", "out.xlsx", "--json", "--quiet", "--trace", "E1101, E1304,"]),
    ).toEqual({
      kind: "model",
      format: "xlsx",
      input: "in.xlsx",
      output: "out.xlsx",
      json: true,
      quiet: true,
      trace: ["E1101", "E1304"],
    });
    expect(parseCliArgs(["model", "in.xlsx"])).toEqual({
      kind: "model",
      format: "xlsx",
      input: "in.xlsx",
      output: null,
      json: false,
      quiet: false,
      trace: [],
    });
    expect(parseCliArgs(["model", "--output=x.xlsx", "in.xlsx"])).toMatchObject({ output: "x.xlsx" });
    expect(parseCliArgs(["model", "in.xlsx", "--format", "CSV", "-o", "out"])).toMatchObject({
      format: "csv",
      output: "out",
    });
  });

  it("answers --help and --version before anything else", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["model", "-h"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["--version"])).toEqual({ kind: "version" });
  });

  it.each([
    [["model", "in.xlsx", "--colour"], /colour/],
    [[], /missing command/],
    [["run", "in.xlsx"], /unknown command 'run'/],
    [["model"], /missing <input.xlsx>/],
    [["model", "a.xlsx", "b.xlsx"], /one input file, got 2/],
    [["model", "a.xlsx", "-o", " "], /needs a file name/],
    [["model", "a.xlsx", "-o"], /argument missing|-o/],
    [["model", "a.xlsx", "--trace", " , "], /--trace needs RepIDs/],
    [["model", "a.xlsx", "--format", "parquet"], /--format must be xlsx or csv, got 'parquet'/],
  ])("turns %j into a usage error", (argv, message) => {
    const command = parseCliArgs(argv);
    expect(command.kind).toBe("usage-error");
    expect(command.kind === "usage-error" && command.message).toMatch(message);
  });
});
