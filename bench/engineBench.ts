import type { Decimal } from "../src/engine/decimal";
import { linePricer } from "../src/engine/line/pricer";
import { runModel, type PayoutLine } from "../src/engine/model";
import type { Ratio } from "../src/engine/exact/ratio";
import { floatCurve, floatMultiple, type FloatCurve } from "./floatCurve";
import { recordGoal } from "./goals";
import { fmt, peakRssMb, printTable, timed } from "./measure";
import { BENCH_PLAN, syntheticOrg, toModelInput } from "./synthetic";

const FLOAT_REPEATS = 20;
const MODEL_REPEATS = 5;

/** Engine throughput in exact decimals, against the same lines in floats. */
export function engineBench(repCount: number): void {
  // Warm-up: let the JIT see every code path before the timed run.
  runModel(toModelInput(syntheticOrg(Math.max(1, Math.floor(repCount / 10)), 7)));

  const input = toModelInput(syntheticOrg(repCount));
  const first = timed(() => runModel(input));
  const result = first.value;
  // Timed runs keep no result: one model result (the first) is held, as an application would.
  const runs = Array.from({ length: MODEL_REPEATS }, () => timed(() => runModel(input).scenarios.length).ms).sort(
    (a, b) => a - b,
  );
  const exactMs = runs[0];
  const medianMs = runs[Math.floor(runs.length / 2)];
  const lines = result.scenarios.flatMap((s) => s.lines);
  const rssAfterEngine = peakRssMb();

  // The pricing kernel alone: compiled rule bound to quota and target, one line's pay and rounding.
  const jobs = lines.map((l) => ({ pricer: linePricer(l.rule, l.quota!, l.target), actual: l.actual! }));
  let kernelMs = Infinity;
  for (let i = 0; i < MODEL_REPEATS; i++) {
    const run = timed(() => {
      let zero = 0;
      for (const j of jobs) if (j.pricer.pay(j.actual).minor === 0n) zero++;
      return zero;
    });
    kernelMs = Math.min(kernelMs, run.ms);
  }

  const floats = floatInputs(lines);
  let floatMs = Infinity;
  let payouts: Float64Array = new Float64Array(0);
  for (let i = 0; i < FLOAT_REPEATS; i++) {
    const run = timed(() => floatPayouts(floats));
    if (run.ms < floatMs) floatMs = run.ms;
    payouts = run.value;
  }
  const diff = centsDifference(lines, payouts);

  recordGoal({
    name: "Engine: exact payout lines per second, warm (median run) [issue 15]",
    figure: lines.length / (medianMs / 1000),
    unit: "",
    target: 350_000,
    direction: "above",
    reference: `first, cold run ${fmt(lines.length / (first.ms / 1000))}/s`,
  });
  printTable(
    `Engine: ${fmt(repCount)} reps × 12 months × 2 measures (monthly plan, marginal tiers, gate, caps)`,
    ["figure", "value"],
    [
      ["payout lines", fmt(lines.length)],
      ["exact runModel, first run, ms", fmt(first.ms)],
      [`exact runModel, best of ${MODEL_REPEATS}, ms`, fmt(exactMs)],
      [`exact runModel, median of ${MODEL_REPEATS}, ms`, fmt(medianMs)],
      ["exact payout lines per second (whole model run, best)", fmt(lines.length / (exactMs / 1000))],
      ["exact payout lines per second (whole model run, median)", fmt(lines.length / (medianMs / 1000))],
      ["exact pricing kernel (pay + round), ms", fmt(kernelMs)],
      ["exact payout lines per second (pricing kernel)", fmt(lines.length / (kernelMs / 1000))],
      [`float curve evaluation, ms (best of ${FLOAT_REPEATS})`, fmt(floatMs, 2)],
      ["float payout lines per second", fmt(lines.length / (floatMs / 1000))],
      ["time ratio exact / float", `${fmt(exactMs / floatMs, 0)}×`],
      ["largest |float − exact| per line, cents", fmt(diff.maxCents, 2)],
      ["lines where the float payout rounds to another cent", fmt(diff.linesOff)],
      ["peak RSS after the engine run, MB", fmt(rssAfterEngine)],
    ],
  );
}

interface FloatInputs {
  readonly actual: Float64Array;
  readonly quota: Float64Array;
  readonly target: Float64Array;
  readonly curve: readonly FloatCurve[];
  readonly curveOf: Uint8Array;
}

/** Converted before timing: a float world would have parsed its inputs into floats in the first place. */
function floatInputs(lines: readonly PayoutLine[]): FloatInputs {
  const curves = BENCH_PLAN.measures.map(floatCurve);
  const index = new Map(BENCH_PLAN.measures.map((m, i) => [m.measure, i]));
  const num = (d: Decimal | null) => (d === null ? 0 : d.toNumber());
  const ratioNum = (r: Ratio | null) => (r === null ? 0 : r.num.toNumber() / r.den.toNumber());
  return {
    actual: Float64Array.from(lines, (l) => num(l.actual)),
    quota: Float64Array.from(lines, (l) => ratioNum(l.quota)),
    target: Float64Array.from(lines, (l) => ratioNum(l.target)),
    curve: curves,
    curveOf: Uint8Array.from(lines, (l) => index.get(l.measure) ?? 0),
  };
}

function floatPayouts(f: FloatInputs): Float64Array {
  const out = new Float64Array(f.actual.length);
  for (let i = 0; i < out.length; i++) {
    const attainment = f.quota[i] === 0 ? 0 : f.actual[i] / f.quota[i];
    out[i] = f.target[i] * floatMultiple(f.curve[f.curveOf[i]], attainment);
  }
  return out;
}

function centsDifference(lines: readonly PayoutLine[], floats: Float64Array): { maxCents: number; linesOff: number } {
  let maxCents = 0;
  let linesOff = 0;
  lines.forEach((line, i) => {
    const exactCents = line.payout.times(100).toNumber();
    const cents = Math.abs(floats[i] * 100 - exactCents);
    if (cents > maxCents) maxCents = cents;
    // A spreadsheet's ROUND(x, 2) on the float: does it land on the exact line's cent?
    if (Math.round(floats[i] * 100) !== exactCents) linesOff++;
  });
  return { maxCents, linesOff };
}
