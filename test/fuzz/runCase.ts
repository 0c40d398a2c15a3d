import { unzipSync } from "fflate";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";

/**
 * One fuzz case through the CLI, in-process, and what came of it. The only
 * acceptable outcomes are the documented ones: success (exit 0), errors in the
 * input each located (exit 1), or a file named unreadable (exit 2). Anything
 * else, or a broken promise about files, is a failure with a reason.
 */
export type Outcome = "success" | "located error" | "unreadable";

export interface CaseResult {
  readonly outcome: Outcome | "failure";
  /** Why a failure is one; the first line of the message otherwise. */
  readonly detail: string;
  readonly ms: number;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function runCase(bytes: Uint8Array, dir: string): CaseResult {
  const input = join(dir, "case.xlsx");
  const output = join(dir, "case-out.xlsx");
  rmSync(output, { force: true });
  writeFileSync(input, bytes);
  const before = sha(bytes);
  let stdout = "";
  let stderr = "";
  const started = performance.now();
  let code: number;
  try {
    code = main(["model", "case.xlsx", "-o", "case-out.xlsx"], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      now: () => new Date(Date.UTC(2026, 11, 31)),
      cwd: dir,
    });
  } catch (error) {
    return { outcome: "failure", detail: `threw: ${(error as Error).stack ?? String(error)}`, ms: 0 };
  }
  const ms = performance.now() - started;
  const fail = (why: string): CaseResult => ({ outcome: "failure", detail: `${why}\n${stderr || stdout}`, ms });
  if (sha(readFileSync(input)) !== before) return fail("the input file changed");
  if (code !== 0 && existsSync(output)) return fail(`exit ${code} but an output was written`);
  const firstLine = (text: string) => text.split("\n").find((l) => l.trim() !== "") ?? "";
  switch (code) {
    case 0: {
      try {
        // An independent reader must unzip every part of what we wrote.
        unzipSync(readFileSync(output));
      } catch (error) {
        return fail(`the output is not a readable zip: ${(error as Error).message}`);
      }
      return { outcome: "success", detail: "", ms };
    }
    case 1: {
      const errors = stdout.split("\n").filter((l) => l.startsWith("Error "));
      if (errors.length === 0) return fail("exit 1 without an Error line");
      const unlocated = errors.find((l) => l.startsWith("Error   (workbook)"));
      if (unlocated) return fail(`an error names no table or cell: ${unlocated}`);
      return { outcome: "located error", detail: errors[0], ms };
    }
    case 2:
      // Found on reading, or on adding the result sheets to a part the reader does not need (styles, content types).
      if (
        !/^compplan: (.*case\.xlsx is not a readable \.xlsx workbook|cannot add the result sheets to .*case\.xlsx): /.test(
          stderr,
        )
      )
        return fail("exit 2 without naming the file as unreadable");
      return { outcome: "unreadable", detail: firstLine(stderr), ms };
    default:
      return fail(`exit ${code}`);
  }
}
