/**
 * The long fuzz run: `npm run fuzz -- --runs 10000 [--seed 1] [--workers 2]`.
 *
 * Each case is the example workbook with a few mutations (what a user could
 * type, or what a damaged or hostile file could hold), generated from its own
 * seed, run through `compplan model` in a worker process. The parent watches
 * each worker: a case that takes over 30 s (a hang), pushes the worker past
 * 1 GB resident (runaway memory), kills it (a crash), or ends in anything but
 * exit 0, 1 or 2 with the documented message, is a failure. Each failure
 * leaves a reproducer in fuzz-out/ and prints how to replay it:
 * `npm run fuzz -- --replay <seed>`. Prints the count of each outcome.
 * `--selftest` makes the first three cases hang, balloon and crash on purpose:
 * the run must then report one of each, and exit 1.
 */
import fc from "fast-check";
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anyCase } from "../test/fuzz/arbitraries";
import { applyMutations, loadParts, type Mutation } from "../test/fuzz/mutate";
import { runCase, type CaseResult } from "../test/fuzz/runCase";

const EXAMPLE = join(__dirname, "../examples/acme-comp.xlsx");
const HANG_MS = process.argv.includes("--selftest") ? 3_000 : 30_000;
const MAX_RSS_BYTES = 1024 * 1024 * 1024;
const OUT = join(process.cwd(), "fuzz-out");

function caseOf(seed: number): Mutation[] {
  return fc.sample(anyCase, { numRuns: 1, seed })[0];
}

interface Report {
  readonly seed: number;
  readonly result: CaseResult;
}

// ---- worker: runs the cases it is sent, one at a time ----

function worker(): void {
  const base = loadParts(readFileSync(EXAMPLE));
  const dir = mkdtempSync(join(tmpdir(), "compplan-fuzz-"));
  process.on("message", ({ seed, sabotage }: { seed: number; sabotage?: Sabotage }) => {
    if (sabotage) sabotageWorker(sabotage);
    const result = runCase(applyMutations(base, caseOf(seed)), dir);
    process.send!({ seed, result } satisfies Report);
  });
  process.on("disconnect", () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** `--selftest`: the first three cases hang, balloon and crash, so a run shows the watchdog catching each. */
type Sabotage = "hang" | "memory" | "crash";
const SABOTAGE: readonly Sabotage[] = ["hang", "memory", "crash"];

function sabotageWorker(kind: Sabotage): void {
  if (kind === "crash") process.abort();
  const hold: Uint8Array[] = [];
  for (;;) if (kind === "memory") hold.push(new Uint8Array(16 * 1024 * 1024).fill(1));
}

// ---- parent ----

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function saveReproducer(seed: number, why: string): string {
  mkdirSync(OUT, { recursive: true });
  const mutations = caseOf(seed);
  const file = join(OUT, `case-${seed}.xlsx`);
  writeFileSync(file, applyMutations(loadParts(readFileSync(EXAMPLE)), mutations));
  writeFileSync(join(OUT, `case-${seed}.json`), JSON.stringify({ seed, why, mutations }, null, 2));
  return file;
}

function replay(seed: number): void {
  const file = saveReproducer(seed, "replay");
  const dir = mkdtempSync(join(tmpdir(), "compplan-fuzz-"));
  const result = runCase(readFileSync(file), dir);
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(caseOf(seed)));
  console.log(`${result.outcome} in ${result.ms.toFixed(0)} ms: ${result.detail}`);
  console.log(`The workbook is ${file}; run it with: node bin/compplan.js model ${file}`);
  process.exitCode = result.outcome === "failure" ? 1 : 0;
}

function parent(): void {
  if (process.argv.includes("--replay")) return replay(option("replay", 0));
  const runs = option("runs", 1000);
  const first = option("seed", Date.now() % 1_000_000_000);
  const workers = Math.max(1, option("workers", 2));
  const counts = new Map<string, number>();
  const failures: string[] = [];
  let next = 0;
  let done = 0;
  let slowest = { ms: 0, seed: 0 };
  let peakRss = 0;
  const started = Date.now();
  const count = (outcome: string) => counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const fail = (seed: number, kind: string, why: string) => {
    count(kind);
    const file = saveReproducer(seed, `${kind}: ${why}`);
    failures.push(`${kind} (seed ${seed}): ${why.split("\n").slice(0, 4).join(" | ")}\n    ${file}`);
    console.error(`FAIL ${kind}, seed ${seed}: npm run fuzz -- --replay ${seed}`);
  };

  console.log(`Fuzzing compplan model: ${runs} cases from seed ${first}, ${workers} workers`);
  const finish = () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${done} cases in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(1)} a second)`);
    for (const outcome of ["success", "located error", "unreadable", "failure", "crash", "hang", "memory"])
      console.log(`  ${outcome.padEnd(14)} ${counts.get(outcome) ?? 0}`);
    console.log(`  slowest case   ${slowest.ms.toFixed(0)} ms (seed ${slowest.seed})`);
    console.log(`  peak worker RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    if (failures.length) console.log(`\nFailures:\n  ${failures.join("\n  ")}`);
    process.exitCode = failures.length ? 1 : 0;
  };

  const start = (): void => {
    const child: ChildProcess = fork(__filename, [], { env: { ...process.env, COMPPLAN_FUZZ_WORKER: "1" } });
    let current: { seed: number; at: number } | null = null;
    let killed: string | null = null;
    const send = () => {
      if (next >= runs) {
        current = null;
        child.disconnect();
        return;
      }
      const sabotage = process.argv.includes("--selftest") ? SABOTAGE[next] : undefined;
      current = { seed: first + next++, at: Date.now() };
      child.send({ seed: current.seed, sabotage });
    };
    const watch = setInterval(() => {
      if (!current || killed) return;
      const rss = rssOf(child.pid!);
      peakRss = Math.max(peakRss, rss);
      if (Date.now() - current.at > HANG_MS) killed = "hang";
      else if (rss > MAX_RSS_BYTES) killed = "memory";
      if (killed) child.kill("SIGKILL");
    }, 100);
    child.on("message", (report: Report) => {
      done++;
      if (done % 1000 === 0)
        console.log(`  ${done} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      const { outcome, detail, ms } = report.result;
      if (ms > slowest.ms) slowest = { ms, seed: report.seed };
      if (outcome === "failure") fail(report.seed, "failure", detail);
      else count(outcome);
      send();
    });
    child.on("exit", (code, signal) => {
      clearInterval(watch);
      if (current) {
        done++;
        const why = killed ?? "crash";
        fail(current.seed, why, killed ? `${why} after ${Date.now() - current.at} ms` : `exit ${code} ${signal ?? ""}`);
        current = null;
        return start(); // a fresh worker takes the next case
      }
      if (done >= runs && !finished) {
        finished = true;
        finish();
      }
    });
    send();
  };
  let finished = false;
  for (let w = 0; w < Math.min(workers, runs); w++) start();
}

if (process.env.COMPPLAN_FUZZ_WORKER === "1") worker();
else parent();
