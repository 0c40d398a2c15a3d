import type { WorkerLike } from "../../src/taskpane/model/compute";
import { workerHandler, type FromWorker, type ToWorker } from "../../src/taskpane/model/workerProtocol";

/**
 * dist/model-worker.js in-process: the real handler, each message a
 * structured clone delivered a task later (as postMessage delivers it), every
 * message kept for the tests to count. `fail`: the worker errors on its first
 * message, as a blocked or broken script does.
 */
export class FakeModelWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly received: ToWorker[] = [];
  readonly replies: FromWorker[] = [];
  terminated = false;
  private readonly handle = workerHandler((reply) => {
    this.replies.push(reply);
    setTimeout(() => this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromWorker>), 0);
  });
  constructor(private readonly fail = false) {}
  postMessage(message: ToWorker): void {
    this.received.push(message);
    const copy = structuredClone(message);
    setTimeout(() => (this.fail ? this.onerror?.(new Event("error")) : this.handle(copy)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The messages of one kind received ("chunk", "run", "realistic", "functions", "forget"). */
  asked(kind: "chunk" | "run" | "realistic" | "functions" | "forget"): ToWorker[] {
    return this.received.filter((m) => kind in m);
  }
}
