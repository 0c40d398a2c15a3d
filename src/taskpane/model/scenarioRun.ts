import type { WorkbookPort } from "../../workbook/port";
import type { Compute } from "./compute";
import { runPipeline, type RunPhase } from "./runPipeline";
import { withoutScenarios } from "./scenarioSelection";

/**
 * The Run view's pipeline for the checked scenarios only: the port's tables
 * are read as usual, then the left-out scenarios' rows are blanked in memory
 * before computing. Nothing is written to the input tables.
 */
export function runScenarios(
  port: WorkbookPort,
  leftOut: readonly string[],
  onPhase: (phase: RunPhase) => void,
  now?: () => Date,
  compute?: Compute,
): Promise<RunPhase> {
  const filtered: WorkbookPort = {
    ...port,
    readTables: async (onProgress) => withoutScenarios(await port.readTables(onProgress), leftOut),
  };
  return runPipeline(filtered, onPhase, now, { compute });
}
