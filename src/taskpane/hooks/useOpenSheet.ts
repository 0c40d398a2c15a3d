import { useCallback, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";

/**
 * Opens a result sheet; when it is gone (deleted or renamed since the run),
 * says so instead of doing nothing. `missing` is the message to show, if any.
 */
export function useOpenSheet(port: WorkbookPort): { open: (name: string) => void; missing: string | null } {
  const [missing, setMissing] = useState<string | null>(null);
  const open = useCallback(
    (name: string) => {
      setMissing(null);
      port
        .activateSheet(name)
        .catch(() =>
          setMissing(`${name} is no longer in the workbook (deleted or renamed since the run). Run again to write it.`),
        );
    },
    [port],
  );
  return { open, missing };
}
