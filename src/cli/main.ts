import { parseCliArgs } from "./args";
import { packageVersion, USAGE } from "./help";
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from "./io";
import { modelCommand } from "./modelCommand";
import { terminalSafe } from "./terminalSafe";
import { assertNever } from "../engine";

/** The CLI as a function: tests call it in-process with collecting writers. Returns the exit status. */
export function main(argv: readonly string[], given: CliIo = processIo): number {
  // Workbook text reaches the terminal in the headline, the issues and --json: its control characters are shown,
  // never obeyed (a scenario name must not retitle the window, clear the screen or hide the rest of a warning).
  const io: CliIo = {
    ...given,
    stdout: (t) => given.stdout(terminalSafe(t)),
    stderr: (t) => given.stderr(terminalSafe(t)),
  };
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case "help":
      io.stdout(USAGE);
      return EXIT_OK;
    case "version":
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    case "usage-error":
      io.stderr(`compplan: ${command.message}\nRun 'compplan --help' for usage.\n`);
      return EXIT_USAGE;
    case "model":
      return modelCommand(command, io);
    default:
      return assertNever(command);
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
