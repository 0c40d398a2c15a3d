import { FunctionModel } from "../../src/functions/functionModel";
import { realisticModel } from "../../src/taskpane/model/planRealistic";
import { acmeExample } from "../../src/workbook/example/acme";
import { exampleRawTables } from "../../src/workbook/example/exampleTable";
import { runWorkbook, type RunStep } from "../../src/workbook/run";
import { WorkbookModel } from "../../src/workbook/workbookModel";

/**
 * One read's WorkbookModel (src/workbook/workbookModel.ts): what it keeps,
 * and that a Run on it computes exactly what a Run on the tables computes.
 */
const tables = exampleRawTables(acmeExample());
const options = { sourceName: "Acme.xlsx", computedAt: new Date(2026, 11, 31, 12) };

/** A run on the model, and how many reps it priced to pay them (none when the model run was taken from the model). */
function runOn(model: WorkbookModel) {
  const steps: RunStep[] = [];
  const result = runWorkbook(tables, { ...options, onStep: (s) => steps.push(s) }, model);
  return { result, priced: steps.filter((s) => s.reps && s.label === "paying every line").length };
}

describe("WorkbookModel", () => {
  it("gives the Run exactly what it computes on the tables, and keeps its parse and model run", () => {
    const plain = runWorkbook(tables, options);
    const model = new WorkbookModel(tables);
    const first = runOn(model);
    expect(first.priced).toBeGreaterThan(0);
    const second = runOn(model);
    expect(second.priced).toBe(0); // the model run, kept
    for (const r of [first.result, second.result]) {
      expect(r.sheets).toEqual(plain.sheets);
      expect(r.issues).toEqual(plain.issues);
      expect(r.headline).toEqual(plain.headline);
    }
    // One parse a year: the date matters only for the plan year a workbook does not name.
    expect(model.at(new Date(2026, 0, 1))).toBe(model.at(new Date(2026, 11, 31)));
    expect(model.at(new Date(2027, 0, 1))).not.toBe(model.at(new Date(2026, 0, 1)));
    expect(() => runWorkbook(exampleRawTables(acmeExample()), options, model)).toThrow(/other tables/);
  });

  it("keeps only what it is told to: a Run alone leaves nothing behind", () => {
    const model = new WorkbookModel(tables, { parse: false, run: false });
    expect(runOn(model).priced).toBeGreaterThan(0);
    expect(model.at(options.computedAt)).not.toBe(model.at(options.computedAt));
    model.keep.parse = true;
    const parsed = model.at(options.computedAt);
    expect(parsed.run()).not.toBe(parsed.run());
    expect(runOn(model).priced).toBeGreaterThan(0);
    model.keep.run = true;
    expect(parsed.run()).toBe(parsed.run());
    expect(runOn(model).priced).toBe(0);
  });

  it("is the one parse and realistic context of the functions and the plan editor on the same read", () => {
    const model = new WorkbookModel(tables);
    const functions = new FunctionModel(model, options.computedAt);
    expect(functions.input).toBe(model.at(options.computedAt).parsed.input);
    const editor = realisticModel(model, options.computedAt);
    expect(editor.context).toBe(model.at(options.computedAt).standInContext());
    expect(editor.reps).toBe(functions.input!.reps);
    // COMP.PAY answers on the model run the Run takes.
    expect(functions.run()).toBe(model.at(options.computedAt).run());
  });
});
