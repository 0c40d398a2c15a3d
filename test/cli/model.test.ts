import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipFiles } from "../../src/xlsx/zip/zip-writer";
import { asMacroEnabled } from "../xlsx/patch-fixtures";
import {
  cells,
  copyExample,
  EXAMPLE,
  FIXED_NOW,
  readWorkbook,
  resultRows,
  runCli,
  sha256,
  table,
  tempDir,
  writeWorkbook,
} from "./helpers";

describe("compplan model on the Acme example", () => {
  let dir: string;
  let input: string;
  let before: string;
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = tempDir();
    input = copyExample(dir);
    before = sha256(input);
    run = runCli(["model", "acme-comp.xlsx"], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0, leaves the input byte-for-byte unchanged and writes <input>-results.xlsx beside it", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(existsSync(join(dir, "acme-comp-results.xlsx"))).toBe(true);
    // No temporary file left behind.
    expect(readdirSync(dir).sort()).toEqual(["acme-comp-results.xlsx", "acme-comp.xlsx"]);
  });

  it("prints the headline, then says what the output holds", () => {
    const lines = run.stdout.split("\n");
    expect(lines[0].length).toBeGreaterThan(0);
    expect(run.stdout).toContain("Wrote acme-comp-results.xlsx\n");
    expect(run.stdout).toMatch(
      /acme-comp\.xlsx plus the result sheets: Results_Summary, .*Results_Payouts, .*Results_Issues\n/,
    );
    expect(run.stdout).toContain("  Everything else in the workbook is as it was. The input file was not changed.\n");
    expect(run.stdout).not.toContain("Replaced");
  });

  it("writes the input workbook, every sheet unchanged cell by cell, plus the result sheets after them", async () => {
    const original = await readWorkbook(input);
    const workbook = await readWorkbook(join(dir, "acme-comp-results.xlsx"));
    const inputNames = original.worksheets.map((s) => s.name);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names.slice(0, inputNames.length)).toEqual(inputNames);
    expect(inputNames).toEqual(expect.arrayContaining(["Settings", "Reps", "Plans", "Tiers", "Actuals"]));
    const added = names.slice(inputNames.length);
    expect(added[0]).toBe("Results_Summary");
    expect(added).toEqual(expect.arrayContaining(["Results_Payouts", "Results_Issues"]));
    expect(added.every((name) => name.startsWith("Results_"))).toBe(true);
    for (const name of inputNames)
      expect(cells(workbook.getWorksheet(name)!)).toEqual(cells(original.getWorksheet(name)!));
    expect(workbook.getWorksheet("Reps")!.getCell("B2").value).toBe("Dana Director");
  });

  it("pays the lines computed by hand", async () => {
    const workbook = await readWorkbook(join(dir, "acme-comp-results.xlsx"));
    const payouts = resultRows(workbook, "Results_Payouts");
    const payout = (rep: string, measure: string) =>
      payouts.find((p) => p.RepID === rep && p.Period === "2026-Q1" && p.Measure === measure)?.Payout;
    // E1101 New ARR: 537,700 / (1,120,000 / 4) = 192% ≥ 190% → capped at 3 × (102,000 × 70% × 3/12 = 17,850) = 53,550
    expect(payout("E1101", "New ARR")).toBe(53550);
    // E1101 Renewals: 115,600 / 125,000 = 92.48% at 1.0× of 102,000 × 30% × 3/12 = 7,650 → 7,074.72
    expect(payout("E1101", "Renewals")).toBe(7074.72);
    // E1102 New ARR: 136,700 / 225,000 = 60.76%; target 92,000 × 70% / 4 = 16,100;
    // 16,100 × (0.5 × 50% + 1.5 × 24,200 / 225,000) = 4,025 + 2,597.4666… = 6,622.47
    expect(payout("E1102", "New ARR")).toBe(6622.47);
    // E1305 New ARR: 76,600 / 220,000 = 34.8% < 40% gate → 0
    expect(payout("E1305", "New ARR")).toBe(0);
    // E1108 is on the year-to-date plan. Q1 New ARR: 129,300 / 235,000 = 55.02%; target 93,000 × 70% / 4 = 16,275;
    // 16,275 × (0.5 × 50% + 1.5 × 11,800 / 235,000) = 4,068.75 + 1,225.82 = 5,294.57.
    expect(payout("E1108", "New ARR")).toBe(5294.57);
    // Q2: year to date 176,300 / 470,000 = 37.5% < 40%: YTD earned 0, so the true-up takes back Q1's 5,294.57.
    const q2 = payouts.find((p) => p.RepID === "E1108" && p.Period === "2026-Q2" && p.Measure === "New ARR")!;
    expect([q2["YTD quota"], q2["YTD actual"], q2["YTD earned"], q2.Payout]).toEqual([470000, 176300, 0, -5294.57]);
    // Manager E1100 is paid on the team (Basis Team, direct reports): Q1 New ARR of E1101..E1108 = 2,432,500
    // on 7,060,000 / 4 = 1,765,000; target 90,000 / 4 = 22,500;
    // 22,500 × (1 + 1.5 × 667,500 / 1,765,000) = 22,500 + 12,763.8102… = 35,263.81
    expect(payout("E1100", "New ARR")).toBe(35263.81);
  });
});

describe("compplan model --trace", () => {
  it("traces the chosen reps in full: quota, target and BCR, the team's members with FX, each period's statement", async () => {
    const dir = tempDir();
    try {
      copyExample(dir);
      // RepIDs match ignoring capitals, as everywhere in the workbook: e1300 is E1300.
      const run = runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx", "--trace", "e1300,E1205"], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain("Trace: no rep");
      const trace = resultRows(await readWorkbook(join(dir, "out.xlsx")), "Results_Trace");
      expect(new Set(trace.map((r) => r.RepID))).toEqual(new Set(["E1300", "E1205"]));
      const q1 = (rep: string) =>
        trace.filter((r) => r.Scenario === "Baseline" && r.RepID === rep && r.Period === "2026-Q1");
      // The manager's Q1: a quarter of 7,080,000, a quarter of 90,000 of target on it (BCR 1.27%), then the team:
      // Quinn Salazar's 453,300 EUR at 1.08 USD per EUR is 489,564 USD of E1300's credit.
      const manager = q1("E1300");
      expect(manager.slice(0, 3).map((r) => r.Detail)).toEqual([
        "annual quota 7,080,000.00 × period share 1/4",
        "target variable 90,000.00 × period share 1/4 = 22,500.00; BCR 22,500.00 ÷ 1,770,000.00 = 1.27%",
        "credit = the team's bookings (E1300's reports)",
      ]);
      const members = manager.filter((r) => r.Step === "Team member");
      expect(members[0]).toMatchObject({
        Detail: "E1301 Quinn Salazar: 453,300.00 EUR × 1.08 = 489,564.00 USD",
        Credit: 489564,
        Rate: 1.08,
        Currency: "USD", // the leader's: the credit is converted into it
      });
      // The members' credits add up to the team's: the Attainment step's credit.
      const team = manager.find((r) => r.Step === "Attainment")!.Credit as number;
      expect(members.reduce((sum, r) => sum + (r.Credit as number), 0)).toBeCloseTo(team, 6);
      // E1205's Q3 statement.
      const q3 = trace.find(
        (r) => r.Scenario === "Baseline" && r.RepID === "E1205" && r.Period === "2026-Q3" && r.Step === "Statement",
      )!;
      // The 30,000 clawback is more than the quarter's 26,423.05: all of it is taken, 3,576.95 is carried to Q4.
      expect(q3).toMatchObject({
        Detail: "earned 26,423.05 − adjustments 26,423.05 = net paid 0.00; clawback carried 3,576.95",
        Amount: 0,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compplan model on input errors", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    // Base is column D; the 6th body row is Excel row 7.
    const reps = table(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
      [1, 2, 3, 4, 5, 6].map((i) => [`R${i}`, `Rep ${i}`, "Flat", i === 6 ? "lots" : 100000, 50000, 200000]),
    );
    const plans = table("Plans", ["Plan", "Measure", "Period"], [["Flat", "Bookings", "Year"]]);
    const settings = table("Settings", ["Setting", "Value"], [["PlanYear", 2026]]);
    await writeWorkbook(join(dir, "bad.xlsx"), [settings, reps, plans]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 1, locates the error as Reps!D7 and writes nothing", () => {
    const before = sha256(join(dir, "bad.xlsx"));
    const run = runCli(["model", "bad.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Error +Reps!D7 +Reps row 7, column Base: /m);
    expect(run.stderr).toMatch(/error.* in the input; nothing was written/);
    expect(existsSync(join(dir, "bad-results.xlsx"))).toBe(false);
    expect(sha256(join(dir, "bad.xlsx"))).toBe(before);
  });

  it("still reports the errors on stderr with --quiet and --json; --json also prints them as JSON", () => {
    for (const flag of ["--quiet", "--json"]) {
      const run = runCli(["model", "bad.xlsx", flag], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error +Reps!D7 /m);
      if (flag === "--quiet") expect(run.stdout).toBe("");
      else {
        // A script reading stdout gets { ok: false, issues } with each error located.
        const json = JSON.parse(run.stdout) as { ok: boolean; issues: { severity: string; address: string }[] };
        expect(json.ok).toBe(false);
        expect(json.issues.filter((i) => i.severity === "Error").map((i) => i.address)).toContain("Reps!D7");
      }
    }
  });
});

/** One rep on a flat annual plan, typed by hand: 250,000 on a 200,000 quota. */
const SMALL = [
  table("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
  table(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
    [["R1", "Robin", "Flat", 100000, 50000, 200000]],
  ),
  table("Plans", ["Plan", "Measure", "Period"], [["Flat", "Bookings", "Year"]]),
  table("Actuals", ["RepID", "Period", "Measure", "Amount"], [["R1", "2026", "Bookings", 250000]]),
];

describe("compplan model on a small hand-built workbook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeWorkbook(join(dir, "small.xlsx"), SMALL);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--json prints only JSON and writes no workbook unless -o is given", () => {
    const run = runCli(["model", "small.xlsx", "--json"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    // No Tiers: 1.0× from 0, uncapped: 250,000 / 200,000 = 125% × 50,000 = 62,500
    expect(run.stdout).toMatch(/62500/);
    // As the README says: ok, the issues, and per scenario each rep's year and lines, amounts as exact decimal strings.
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      issues: unknown[];
      scenarios: { name: string; reps: { variablePay: string; attainment: string; lines: { payout: string }[] }[] }[];
    };
    expect(Object.keys(json)).toEqual(["ok", "issues", "scenarios"]);
    expect(json.scenarios[0].name).toBe("Baseline");
    const rep = json.scenarios[0].reps.find((r) => r.variablePay === "62500.00")!;
    expect([rep.attainment, typeof rep.lines[0].payout]).toEqual(["1.25", "string"]);
    expect(existsSync(join(dir, "small-results.xlsx"))).toBe(false);

    const withOutput = runCli(["model", "small.xlsx", "--json", "-o", "small-out.xlsx"], dir);
    expect(withOutput.code).toBe(0);
    expect(JSON.parse(withOutput.stdout)).toEqual(JSON.parse(run.stdout));
    expect(existsSync(join(dir, "small-out.xlsx"))).toBe(true);
  });

  it("--quiet prints nothing on success and writes to -o, creating its folder", async () => {
    const run = runCli(["model", "small.xlsx", "--quiet", "-o", "out/r.xlsx"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    const payouts = resultRows(await readWorkbook(join(dir, "out", "r.xlsx")), "Results_Payouts");
    expect(payouts.map((p) => [p.RepID, p.Payout])).toEqual([["R1", 62500]]);
  });
});

describe("compplan model on a plan with a Kicker", () => {
  it("pays and traces the kicker in the result sheets, and the payout curve shows it", async () => {
    const dir = tempDir();
    try {
      const plans = table(
        "Plans",
        ["Plan", "Measure", "Period", "Kicker", "KickerFrom"],
        [["Flat", "Bookings", "Year", "0.5x", "110%"]],
      );
      await writeWorkbook(join(dir, "kicker.xlsx"), [SMALL[0], SMALL[1], plans, SMALL[3]]);
      const run = runCli(["model", "kicker.xlsx", "-o", "out.xlsx"], dir);
      expect(run.code).toBe(0);
      const book = await readWorkbook(join(dir, "out.xlsx"));
      // 125% of quota: 1.25 × 50,000 = 62,500, plus 0.5 × (125% − 110%) × 50,000 = 3,750.
      expect(resultRows(book, "Results_Payouts").map((p) => [p.RepID, p.Payout])).toEqual([["R1", 66250]]);
      const kicker = resultRows(book, "Results_Trace").filter((r) => r.Step === "Kicker");
      expect(kicker.map((r) => [r.Detail, r.Amount])).toEqual([["kicker: +0.5× BCR on the slice 110% to 125%", 3750]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compplan model on a plan with an MBO (Basis Score) and a Scores table", () => {
  it("pays the MBO on its score, shows the score as the line's attainment, and names bad Scores cells", async () => {
    const dir = tempDir();
    try {
      const plans = table(
        "Plans",
        ["Plan", "Measure", "Weight", "Basis", "Period"],
        [
          ["Flat", "Bookings", "80%", null, "Year"],
          ["Flat", "MBO", "20%", "MBO", "Year"],
        ],
      );
      const scores = table("Scores", ["RepID", "Period", "Measure", "Score"], [["R1", "2026", "MBO", "90%"]]);
      await writeWorkbook(join(dir, "mbo.xlsx"), [SMALL[0], SMALL[1], plans, SMALL[3], scores]);
      const run = runCli(["model", "mbo.xlsx", "-o", "out.xlsx"], dir);
      expect(run.code).toBe(0);
      const payouts = resultRows(await readWorkbook(join(dir, "out.xlsx")), "Results_Payouts");
      // Bookings: 125% × 80% × 50,000 = 50,000. MBO: 90% × 20% × 50,000 = 9,000, no quota and no actual.
      expect(
        payouts.map((p) => [p.Measure, p.Quota ?? null, p.Actual ?? null, p.Attainment, p.Basis, p.Payout]),
      ).toEqual([
        ["Bookings", 200000, 250000, 1.25, "Individual", 50000],
        ["MBO", null, null, 0.9, "Score", 9000],
      ]);

      const bad = table(
        "Scores",
        ["RepID", "Period", "Measure", "Score"],
        [
          ["R1", "2026", "MBO", "160%"],
          ["R1", "2026", "Bookings", "90%"],
        ],
      );
      await writeWorkbook(join(dir, "bad.xlsx"), [SMALL[0], SMALL[1], plans, SMALL[3], bad]);
      const refused = runCli(["model", "bad.xlsx", "-o", "bad-out.xlsx"], dir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(
        /^Error +Scores!D2 +Scores row 2, column Score: Score 160% is above 150%; an MBO score is 0% to 150%$/m,
      );
      expect(refused.stdout).toMatch(
        /^Error +Scores!C3 +Scores row 3, column Measure: Bookings is not a Score \(MBO\) measure: Scores rows are for measures whose Basis is Score; its credit goes in Actuals$/m,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compplan model on a plan with a Modifiers table (a linked measure's multiplier)", () => {
  it("scales New ARR by Renewals' attainment and traces the step", async () => {
    const dir = tempDir();
    try {
      const reps = table(
        "Reps",
        ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota New ARR", "Quota Renewals"],
        [["R1", "Robin", "AE", 100000, 50000, 200000, 100000]],
      );
      const plans = table(
        "Plans",
        ["Plan", "Measure", "Weight", "Period"],
        [
          ["AE", "New ARR", "70%", "Year"],
          ["AE", "Renewals", "30%", "Year"],
        ],
      );
      const modifiers = table(
        "Modifiers",
        ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier"],
        [
          ["AE", "New ARR", "Renewals", "0%", 0.8],
          ["AE", "New ARR", "Renewals", "90%", 1],
          ["AE", "New ARR", "Renewals", "110%", 1.1],
        ],
      );
      const actuals = table(
        "Actuals",
        ["RepID", "Period", "Measure", "Amount"],
        [
          ["R1", "2026", "New ARR", 250000],
          ["R1", "2026", "Renewals", 85000],
        ],
      );
      await writeWorkbook(join(dir, "linked.xlsx"), [SMALL[0], reps, plans, modifiers, actuals]);
      const run = runCli(["model", "linked.xlsx", "-o", "out.xlsx"], dir);
      expect(run.code).toBe(0);
      const book = await readWorkbook(join(dir, "out.xlsx"));
      // New ARR 125% × 70% × 50,000 = 43,750, × 0.8 (Renewals 85%) = 35,000. Renewals 85% × 15,000 = 12,750.
      expect(resultRows(book, "Results_Payouts").map((p) => [p.Measure, p.Payout])).toEqual([
        ["New ARR", 35000],
        ["Renewals", 12750],
      ]);
      const step = resultRows(book, "Results_Trace").find((r) => r.Step === "Modifier")!;
      expect([step.Detail, step.Amount]).toEqual(["Renewals at 85% this period, step from 0%: × 0.8", 35000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compplan model over a workbook that already has result sheets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeWorkbook(join(dir, "small.xlsx"), SMALL);
    // The user's own sheet named like a result sheet.
    const mine = table("Results_Summary", ["Note"], [["my own summary"]]);
    await writeWorkbook(join(dir, "mine.xlsx"), [...SMALL, mine]);
    writeFileSync(join(dir, "macro.xlsm"), asMacroEnabled(readFileSync(join(dir, "small.xlsx"))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reruns on its own output: replaces our sheets in place, the tabs stay the same", async () => {
    expect(runCli(["model", "small.xlsx", "-o", "first.xlsx"], dir).code).toBe(0);
    const run = runCli(["model", "first.xlsx", "-o", "second.xlsx"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Replaced our sheets from an earlier run: Results_Summary, .*Results_Issues\n/);
    const first = await readWorkbook(join(dir, "first.xlsx"));
    const second = await readWorkbook(join(dir, "second.xlsx"));
    expect(second.worksheets.map((s) => s.name)).toEqual(first.worksheets.map((s) => s.name));
    // 250,000 / 200,000 = 125% × 50,000 = 62,500, computed again from the same inputs.
    const payouts = resultRows(second, "Results_Payouts");
    expect(payouts.map((p) => [p.RepID, p.Payout])).toEqual([["R1", 62500]]);
  });

  it("exits 1 and writes nothing when a result sheet's name is a sheet of the user's", () => {
    const run = runCli(["model", "mine.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/already has a sheet named "Results_Summary" that compplan did not create.*Rename/);
    expect(existsSync(join(dir, "mine-results.xlsx"))).toBe(false);
  });

  it("keeps a macro-enabled workbook macro-enabled: .xlsm output, and refuses an -o that Excel would not open", () => {
    const run = runCli(["model", "macro.xlsm", "--quiet"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(join(dir, "macro-results.xlsm"))).toBe(true);
    const wrong = runCli(["model", "macro.xlsm", "-o", "macro-out.xlsx"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/must end in \.xlsm/);
    expect(existsSync(join(dir, "macro-out.xlsx"))).toBe(false);
  });
});

describe("compplan usage errors exit 2", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    copyExample(dir);
    writeFileSync(join(dir, "notes.xlsx"), "this is not a workbook");
    // The example with a part we only copy (the core document properties) failing its CRC-32: refused whole.
    const bytes = new Uint8Array(readFileSync(join(dir, "acme-comp.xlsx")));
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode("docProps/core.xml");
    for (let p = bytes.length - 22; p >= 0; p--) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const length = view.getUint16(p + 28, true);
      if (length === name.length && bytes.subarray(p + 46, p + 46 + length).every((b, i) => b === name[i])) {
        view.setUint32(p + 16, view.getUint32(p + 16, true) ^ 1, true);
        break;
      }
    }
    writeFileSync(join(dir, "bad-crc.xlsx"), bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [["model", "acme-comp.xlsx", "--fast"], /^compplan: unknown option '--fast'\nRun 'compplan --help' for usage.\n$/],
    [["model", "missing.xlsx"], /cannot read .*missing\.xlsx: no such file/],
    [["model", "."], /is not a file/],
    [["model", "notes.xlsx"], /notes\.xlsx is not a readable \.xlsx workbook/],
    [["model", "bad-crc.xlsx"], /damaged: part docProps\/core\.xml fails its checksum \(CRC-32\)/],
    [["model", "acme-comp.xlsx", "-o", "./acme-comp.xlsx"], /refusing to write the output over the input/],
    [["frobnicate"], /unknown command/],
  ])("%j", (argv, message) => {
    const before = sha256(join(dir, "acme-comp.xlsx"));
    const run = runCli(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(sha256(join(dir, "acme-comp.xlsx"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp.xlsx", "bad-crc.xlsx", "notes.xlsx"]);
  });

  it("--help and --version exit 0", () => {
    expect(runCli(["--help"], dir)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("compplan model <input.xlsx>"),
    });
    expect(runCli(["--version"], dir)).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });
});

describe("compplan model on a workbook of more than 65,535 parts (zip64)", () => {
  it("reads every part and writes them all back, with a zip64 directory", () => {
    const dir = tempDir();
    try {
      const parts = Object.entries(unzipSync(readFileSync(EXAMPLE))).map(([name, data]) => ({ name, data }));
      const extra = 70_000;
      for (let i = 0; i < extra; i++) parts.push({ name: `xl/media/extra${i}.bin`, data: strToU8(`part ${i}`) });
      writeFileSync(join(dir, "big.xlsx"), zipFiles(parts, { level: 1, mtime: FIXED_NOW }));
      const run = runCli(["model", "big.xlsx", "-o", "out.xlsx"], dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const out = unzipSync(readFileSync(join(dir, "out.xlsx")));
      const names = Object.keys(out);
      // All of the user's parts, plus the result sheets (a sheet part and its relationships each, at least).
      expect(names.filter((n) => n.startsWith("xl/media/extra"))).toHaveLength(extra);
      expect(strFromU8(out["xl/media/extra69999.bin"])).toBe("part 69999");
      expect(names.length).toBeGreaterThan(parts.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compplan model when the disk fails it", () => {
  // Fault injection at the file write: the output path is exactly as before, and no temporary file is left.
  const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
  let dir: string;
  let before: string;
  beforeEach(() => {
    dir = tempDir();
    copyExample(dir);
    // An earlier run's results: the only kind of file a run replaces.
    expect(runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx", "-q"], dir).code).toBe(0);
    before = sha256(join(dir, "out.xlsx"));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves the output as it was when the disk fills up half way through the write", () => {
    // The workbook is written a piece at a time: the disk fills up half way through the first piece.
    const realWriteSync = fs.writeSync as (fd: number, data: Uint8Array, offset: number, length: number) => number;
    let writes = 0;
    const spy = jest.spyOn(fs, "writeSync").mockImplementation(((
      fd: number,
      data: Uint8Array,
      offset = 0,
      length?: number,
    ) => {
      writes++;
      realWriteSync(fd, data, offset, (length ?? data.length - offset) >> 1);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }) as unknown as typeof fs.writeSync);
    const run = runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*out\.xlsx: ENOSPC: no space left on device/);
    expect(sha256(join(dir, "out.xlsx"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp.xlsx", "out.xlsx"]);
    expect(writes).toBe(1);
    spy.mockRestore();
  });

  it("replaces an earlier run's results, but never a file of the user's, nor a read-only one", () => {
    expect(runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx", "-q"], dir).code).toBe(0);
    writeFileSync(join(dir, "mine.xlsx"), "the user's own file");
    const mine = runCli(["model", "acme-comp.xlsx", "-o", "mine.xlsx"], dir);
    expect(mine.code).toBe(2);
    expect(mine.stderr).toBe(
      `compplan: ${join(dir, "mine.xlsx")} exists and is not a workbook compplan wrote (it has no result sheets of ours); ` +
        "it was left as it was. Choose another name with -o, or move it away.\n",
    );
    expect(readFileSync(join(dir, "mine.xlsx"), "utf8")).toBe("the user's own file");
    // The input itself is a workbook, but not ours to replace either: a copy of it under another name.
    copyFileSync(join(dir, "acme-comp.xlsx"), join(dir, "copy.xlsx"));
    expect(runCli(["model", "acme-comp.xlsx", "-o", "copy.xlsx"], dir).code).toBe(2);
    chmodSync(join(dir, "out.xlsx"), 0o444);
    const locked = runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx"], dir);
    chmodSync(join(dir, "out.xlsx"), 0o644);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain("out.xlsx is read-only; it was left as it was.");
  });

  it("removes what a run stopped half way (Ctrl-C) left beside the output, and nothing of a run still going", () => {
    // A process that has ended, and one that runs (pid 1): only the first one's temporary is garbage.
    const ended = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(dir, `out.xlsx.${ended}.tmp`), "half a workbook");
    writeFileSync(join(dir, "out.xlsx.1.tmp"), "another run's");
    mkdirSync(join(dir, `.acme-comp-results.${ended}.tmp`));
    writeFileSync(join(dir, `.acme-comp-results.${ended}.tmp`, "Results_Summary.csv"), "half a table");
    expect(runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx", "-q"], dir).code).toBe(0);
    expect(runCli(["model", "acme-comp.xlsx", "--format", "csv", "-q"], dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp-results", "acme-comp.xlsx", "out.xlsx", "out.xlsx.1.tmp"]);
  });

  it("leaves the output as it was when the final rename fails", () => {
    jest.spyOn(fs, "renameSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted, rename"), { code: "EXDEV" });
    });
    const run = runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*out\.xlsx: EXDEV/);
    expect(sha256(join(dir, "out.xlsx"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp.xlsx", "out.xlsx"]);
  });
});
