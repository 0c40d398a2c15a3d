import { changed, failed, freshnessNote, NO_RUN, ranAt, sheetNote } from "./resultFreshness";

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00Z`);
const time = (d: Date) => d.toISOString().slice(11, 16);

describe("whether the Results sheets are up to date", () => {
  it("says nothing before any run, and when the last run was", () => {
    expect(freshnessNote(NO_RUN, time)).toBeNull();
    expect(freshnessNote(changed(NO_RUN, at("09:00")), time)).toBeNull();
    expect(freshnessNote(ranAt(at("10:00"), "acme-comp.xlsx"), time)).toEqual({
      intent: "info",
      text: "Results are up to date: last run at 10:00 from acme-comp.xlsx.",
    });
  });

  it("marks results stale after a change saved from the pane, from the first change on", () => {
    const f = changed(changed(ranAt(at("10:00"), "acme-comp.xlsx"), at("10:05")), at("10:30"));
    expect(freshnessNote(f, time)).toEqual({
      intent: "warning",
      text: "The Results sheets were computed before your last change at 10:05 (last run at 10:00 from acme-comp.xlsx): run again to update them.",
    });
    // A new run makes them current again.
    expect(freshnessNote(ranAt(at("10:40"), "acme-comp.xlsx"), time)?.intent).toBe("info");
  });

  it("says the sheets are from the run before when a run stops on errors", () => {
    const f = failed(ranAt(at("10:00"), "acme-comp.xlsx"), at("11:15"));
    expect(freshnessNote(f, time)).toEqual({
      intent: "warning",
      text: "The run at 11:15 stopped: the Results sheets are still from the last run at 10:00 from acme-comp.xlsx. Fix the problems and run again.",
    });
  });

  it("gives stale sheets a line saying why, and none while they are current", () => {
    const run = ranAt(at("10:00"), "acme-comp.xlsx");
    expect(sheetNote(run, time)).toBeNull();
    expect(sheetNote(changed(run, at("10:05")), time)).toBe(
      "Out of date: computed at 10:00, before your last change at 10:05. Run again to update.",
    );
    expect(sheetNote(failed(run, at("11:15")), time)).toBe(
      "Out of date: the run at 11:15 stopped on errors; these results are from the run at 10:00. Fix the problems and run again.",
    );
  });
});
