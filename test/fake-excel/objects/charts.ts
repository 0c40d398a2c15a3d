import { formatAddress } from "../a1";
import { FakeCollection, FakeObject, OP_OVERHEAD, jsonBytes, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import type { ChartState, SheetState } from "../state";
import type { FakeRange } from "./ranges";

/** Charts: the collection, a chart (title, axes, legend, position), its series. */

export class FakeChartCollection extends FakeCollection<ChartState, FakeChart> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, () => sheet().charts, "ChartCollection");
  }
  protected proxyFor(target: ChartState): FakeChart {
    return new FakeChart(this.ctx, () => target);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartState | null = null;
    this.ctx.enqueue({
      name: "ChartCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + 60,
      cells: 0,
      exec: () => {
        const s = this.sheet();
        const src = sourceData.resolve();
        const chart: ChartState = {
          id: this.ctx.state.newId("ch"),
          name: `Chart ${s.charts.length + 1}`,
          type,
          seriesBy: seriesBy ?? "Auto",
          source: formatAddress(src.sheet.name, src.rect),
          title: "",
          xTitle: "",
          yTitle: "",
          axisMax: {},
          series: [{ name: "Series1", values: { sheetId: src.sheet.id, rect: src.rect }, xValues: null }],
          position: null,
        };
        s.charts.push(chart);
        created = chart;
      },
    });
    return new FakeChart(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "chart was not created");
      return created;
    });
  }
}

export class FakeChart extends FakeObject<ChartState> {
  constructor(ctx: FakeRequestContext, locate: () => ChartState) {
    super(ctx, locate, "Chart");
  }
  protected scalars(): Record<string, (t: ChartState) => unknown> {
    return { name: (c) => c.name, id: (c) => c.id };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (c) => {
      c.name = v;
    });
  }
  get title(): { text: string } {
    const set = (v: string): void => this.write("title.text", v, (c) => void (c.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    } as { text: string };
  }
  get axes(): {
    categoryAxis: { title: { text: string }; maximum: number };
    valueAxis: { title: { text: string }; maximum: number };
  } {
    const axis = (key: "xTitle" | "yTitle"): { title: { text: string }; maximum: number } => {
      const set = (v: string): void => this.write(`axes.${key}`, v, (c) => void (c[key] = v));
      const setMax = (v: number): void => this.write(`axes.${key}.maximum`, v, (c) => void (c.axisMax[key] = v));
      return {
        title: {
          set text(v: string) {
            set(v);
          },
        } as { text: string },
        set maximum(v: number) {
          setMax(v);
        },
      } as { title: { text: string }; maximum: number };
    };
    return { categoryAxis: axis("xTitle"), valueAxis: axis("yTitle") };
  }
  get legend(): { position: string; visible: boolean } {
    const set = (k: string, v: unknown): void => this.write(`legend.${k}`, v, () => undefined);
    return {
      set position(v: string) {
        set("position", v);
      },
      set visible(v: boolean) {
        set("visible", v);
      },
    } as { position: string; visible: boolean };
  }
  get series(): FakeChartSeriesCollection {
    return this.cached("series", () => new FakeChartSeriesCollection(this.ctx, () => this.parent()));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const addr = (x: string | FakeRange | undefined): string =>
      x === undefined ? "" : typeof x === "string" ? x : formatAddress(x.resolve().sheet.name, x.resolve().rect);
    this.call(
      "setPosition",
      [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : "range"],
      (c) => {
        c.position = { start: addr(startCell), end: addr(endCell) };
      },
    );
  }
  set top(v: number) {
    this.write("top", v, () => undefined);
  }
  set left(v: number) {
    this.write("left", v, () => undefined);
  }
  set width(v: number) {
    this.write("width", v, () => undefined);
  }
  set height(v: number) {
    this.write("height", v, () => undefined);
  }
  delete(): void {
    this.call("delete", null, (c) => {
      for (const s of this.ctx.state.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

interface SeriesRef {
  readonly chart: ChartState;
  readonly index: number;
}

export class FakeChartSeriesCollection extends FakeCollection<SeriesRef, FakeChartSeries> {
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: () => ChartState,
  ) {
    super(
      ctx,
      () => {
        const c = chart();
        return c.series.map((_, index) => ({ chart: c, index }));
      },
      "ChartSeriesCollection",
    );
  }
  protected proxyFor(target: SeriesRef): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => target);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => {
      const c = this.chart();
      if (index >= c.series.length) throw fakeError("ItemNotFound", `series ${index}`);
      return { chart: c, index };
    });
  }
  add(name?: string): FakeChartSeries {
    let created: SeriesRef | null = null;
    this.ctx.enqueue({
      name: "ChartSeriesCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes(name ?? null),
      cells: 0,
      exec: () => {
        const c = this.chart();
        c.series.push({ name: name ?? `Series${c.series.length + 1}`, values: null, xValues: null });
        created = { chart: c, index: c.series.length - 1 };
      },
    });
    return new FakeChartSeries(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "series was not created");
      return created;
    });
  }
}

export class FakeChartSeries extends FakeObject<SeriesRef> {
  constructor(ctx: FakeRequestContext, locate: () => SeriesRef) {
    super(ctx, locate, "ChartSeries");
  }
  protected scalars(): Record<string, (t: SeriesRef) => unknown> {
    return { name: (s) => s.chart.series[s.index].name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (s) => void (s.chart.series[s.index].name = v));
  }
  setValues(source: FakeRange): void {
    this.call("setValues", "range", (s) => {
      const r = source.resolve();
      s.chart.series[s.index].values = { sheetId: r.sheet.id, rect: r.rect };
    });
  }
  setXAxisValues(source: FakeRange): void {
    this.call("setXAxisValues", "range", (s) => {
      const r = source.resolve();
      s.chart.series[s.index].xValues = { sheetId: r.sheet.id, rect: r.rect };
    });
  }
}
