import { OP_BYTES } from "./payload";
import { suspendForWrite } from "./suspend";

/** One unit of writing: queues its ops when its batch is sent; `bytes` is its request size. */
export interface WriteStep {
  readonly bytes: number;
  /** Result rows this step writes (for progress). */
  readonly rows: number;
  readonly queue: () => void;
}

/**
 * Packs write steps into syncs whose request stays under the budget, and
 * re-suspends calculation and screen updating at the start of each (both
 * last only until the next sync). Steps queue lazily, in order, so a step
 * may use a proxy an earlier step created.
 */
export class WriteBatcher {
  private pending: WriteStep[] = [];
  private bytes = OP_BYTES * 2;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly screenUpdating: boolean,
    private readonly onSynced: (rowsWritten: number) => void = () => undefined,
  ) {}

  async add(step: WriteStep): Promise<void> {
    if (this.pending.length > 0 && this.bytes + step.bytes > this.budget) await this.flush();
    this.pending.push(step);
    this.bytes += step.bytes;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const steps = this.pending;
    this.pending = [];
    this.bytes = OP_BYTES * 2;
    suspendForWrite(this.context, this.screenUpdating);
    for (const s of steps) s.queue();
    await this.context.sync();
    this.onSynced(steps.reduce((n, s) => n + s.rows, 0));
  }
}
