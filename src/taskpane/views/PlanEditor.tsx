import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  shorthands,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, ArrowUndoRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { RawTable } from "../../workbook/types";
import { PayoutCurveChart } from "../components/PayoutCurveChart";
import { RealisticPanel } from "../components/RealisticPanel";
import { Section } from "../components/Section";
import { useAnnounceText } from "../hooks/useAnnounceText";
import { useFocusFallback } from "../hooks/useFocusFallback";
import {
  bandChecks,
  bandLines,
  addedBand,
  curvePoints,
  draftsOf,
  isEdited,
  matrixMeasureText,
  measureTermsText,
  planTermsText,
  parseBands,
  PREVIEW_BCR,
  readBaselinePlans,
  saveTiersPlan,
  unitsOf,
  type BandDraft,
  type CurvePoint,
} from "../model/planEditing";
import type { Compute } from "../model/compute";
import { formatMultiple, formatPercent } from "../model/format";
import type { RealisticQuery } from "../model/realisticQuery";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pickers: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: "100%" },
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr 28px",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  head: { color: tokens.colorNeutralForeground3 },
  // A row of the grid for assistive technology, invisible to the layout: its cells stay grid items.
  row: { display: "contents" },
  // A grid item's minimum width is its content's: without this the inputs push Rate off a 320 px pane.
  cell: { minWidth: 0 },
  // Read by screen readers, not shown: the delete column's header.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  input: { minWidth: 0, width: "100%" },
  invalid: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  compare: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
  line: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

/** The editor's choice and its unsaved bands, kept by the App so a tab switch loses nothing. */
export interface PlanEdits {
  readonly plan?: string;
  readonly measure?: string;
  /** Unsaved bands by plan × measure (`${plan}\u0000${measure}`); absent = as in the workbook. */
  readonly drafts: ReadonlyMap<string, BandDraft[]>;
}
export const NO_PLAN_EDITS: PlanEdits = { drafts: new Map() };

export interface PlanEditorProps {
  readonly port: WorkbookPort;
  readonly tables: readonly RawTable[];
  /** Where the model runs (the pane's worker): the realistic figures are priced there. */
  readonly compute: Compute;
  readonly edits: PlanEdits;
  readonly onEditsChange: (edits: PlanEdits) => void;
  readonly onSaved: () => void;
}

/** Pick a plan × measure, edit its bands, see the payout curve, save the Tiers rows back. */
export function PlanEditor({ port, tables, compute, edits, onEditsChange, onSaved }: PlanEditorProps) {
  const s = useStyles();
  const plans = useMemo(() => readBaselinePlans(tables), [tables]);
  const plan = plans.find((p) => p.name === edits.plan) ?? plans[0];
  const measure = plan?.measures.find((m) => m.measure === edits.measure) ?? plan?.measures[0];
  const key = plan && measure ? `${plan.name}\u0000${measure.measure}` : "";
  const saved = useMemo(() => (measure ? draftsOf(measure) : []), [measure]);
  const drafts = edits.drafts.get(key) ?? saved;
  const setDrafts = (change: (d: BandDraft[]) => BandDraft[]) =>
    onEditsChange({ ...edits, drafts: new Map(edits.drafts).set(key, change(drafts)) });
  const reset = () => {
    const next = new Map(edits.drafts);
    next.delete(key);
    onEditsChange({ ...edits, drafts: next });
  };
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [lastGood, setLastGood] = useState<CurvePoint[]>([]);
  // Closing the confirmation returns focus to Save (a dialog opened without a DialogTrigger restores it nowhere).
  const restoreFocusHere = useRestoreFocusTarget();
  const moveFocus = useFocusFallback();
  const removeRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);

  const parsed = useMemo(() => (measure ? parseBands(drafts, measure) : null), [drafts, measure]);
  const points = useMemo(
    () => (measure && parsed?.tiers ? curvePoints(measure, parsed.tiers) : null),
    [measure, parsed],
  );
  useEffect(() => {
    if (points) setLastGood(points);
  }, [points]);
  // A band's problem is announced as it appears, as the pane's messages are (the list below is plain text).
  useAnnounceText(parsed?.problems.join(" "));
  // Realistic pay, priced on the model thread on the realistic model it keeps for these tables.
  const price = useCallback((query: RealisticQuery) => compute.realistic(tables, query), [compute, tables]);

  if (!plan || !measure) {
    return (
      <Section title="Plan editor">
        <Body1>No plans found yet. Add a Plans table (or insert the example from the Inputs tab).</Body1>
      </Section>
    );
  }
  const units = unitsOf(measure);
  const edited = isEdited(drafts, saved);
  const checks = parsed?.tiers ? bandChecks(plan, measure, parsed.tiers) : [];
  const save = parsed?.tiers ? saveTiersPlan(tables, plan, measure, parsed.tiers) : null;
  const edit = (i: number, key: keyof BandDraft, value: string) => {
    setStatus(null);
    setDrafts((d) => d.map((b, j) => (j === i ? { ...b, [key]: value } : b)));
  };
  const addBand = () => setDrafts((d) => addedBand(d));
  const removeBand = (i: number) => {
    // The band's Remove button goes with it when it was the last: the one before it takes focus (Add band, when
    // none is left). A band above the last keeps focus on the same button, now the next band's.
    moveFocus(() => removeRefs.current[i] ?? removeRefs.current[i - 1] ?? addRef.current);
    setDrafts((d) => d.filter((_, j) => j !== i));
  };
  const doSave = async () => {
    setConfirming(false);
    if (!save || "reason" in save) return;
    try {
      await port.replaceRows(save.patch);
      reset(); // the bands now come from the workbook again
      setStatus({
        intent: "success",
        text: `Saved ${drafts.length} bands of ${plan.name} · ${measure.measure} to the Tiers table.`,
      });
      onSaved();
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    }
  };
  const at100 = lastGood.find((p) => Math.abs(p.attainment - 1) < 1e-12)?.multiple;

  return (
    <div className={s.stack}>
      <Section title="Plan editor">
        <div className={s.pickers}>
          <Field label="Plan">
            <Dropdown
              className={s.dropdown}
              value={plan.name}
              selectedOptions={[plan.name]}
              onOptionSelect={(_, d) =>
                onEditsChange({
                  ...edits,
                  plan: d.optionValue,
                  measure: plans.find((p) => p.name === d.optionValue)?.measures[0]?.measure,
                })
              }
            >
              {plans.map((p) => (
                <Option key={p.name} value={p.name}>
                  {p.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Measure">
            <Dropdown
              className={s.dropdown}
              value={measure.measure}
              selectedOptions={[measure.measure]}
              onOptionSelect={(_, d) => onEditsChange({ ...edits, plan: plan.name, measure: d.optionValue })}
            >
              {plan.measures.map((m) => (
                <Option key={m.measure} value={m.measure}>
                  {m.measure}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <Caption1 className={s.muted}>{measureTermsText(measure)}</Caption1>
        {planTermsText(plan) && <Caption1 className={s.muted}>Plan: {planTermsText(plan)}</Caption1>}
        <PayoutCurveChart
          points={lastGood}
          label={`${plan.name} · ${measure.measure} payout curve${at100 !== undefined ? `: ${formatMultiple(at100)} target at ${formatPercent(1)} attainment` : ""}`}
        />
        <Caption1 className={s.muted} data-testid="curve-caption">
          Payout as a multiple of target incentive
          {at100 !== undefined ? ` · ${formatMultiple(at100)} at ${formatPercent(1)}` : ""}
          {units.rate === "%" ? ` · preview assumes a ${formatPercent(PREVIEW_BCR)} base commission rate` : ""}
        </Caption1>
      </Section>
      <Section title="Realistic pay">
        <RealisticPanel price={price} plan={plan.name} measure={measure.measure} tiers={parsed?.tiers ?? null} />
      </Section>
      {measure.matrix ? (
        <Section title="Bands">
          <Caption1 className={s.muted} data-testid="matrix-measure">
            {matrixMeasureText(measure)}
          </Caption1>
        </Section>
      ) : (
        <Section
          title="Bands"
          action={
            edited ? (
              <Badge appearance="tint" color="warning" data-testid="unsaved">
                Unsaved changes
              </Badge>
            ) : undefined
          }
        >
          <div className={s.grid} role="table" aria-label="Tier bands">
            <div className={s.row} role="row">
              <Caption1 className={s.head} role="columnheader">
                From {units.bound && `(${units.bound})`}
              </Caption1>
              <Caption1 className={s.head} role="columnheader">
                To {units.bound && `(${units.bound})`}
              </Caption1>
              <Caption1 className={s.head} role="columnheader">
                Rate ({units.rate})
              </Caption1>
              <span role="columnheader">
                <span className={s.hidden}>Remove</span>
              </span>
            </div>
            {drafts.map((b, i) => (
              <BandRow
                key={i}
                band={b}
                index={i}
                onEdit={edit}
                onDelete={() => removeBand(i)}
                removeRef={(el) => {
                  removeRefs.current[i] = el;
                }}
                inputClass={s.input}
                invalidClass={s.invalid}
                invalid={parsed?.invalid}
                problemIds={(parsed?.problems ?? []).flatMap((p, j) =>
                  p.startsWith(`Band ${i + 1}:`) ? [`band-problem-${j}`] : [],
                )}
                rowClass={s.row}
                cellClass={s.cell}
              />
            ))}
          </div>
          {parsed && parsed.problems.length > 0 && (
            <ul className={s.problems}>
              {parsed.problems.map((p, j) => (
                <li key={p} id={`band-problem-${j}`}>
                  <Caption1>{p}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {checks.length > 0 && (
            <MessageBar intent="warning" data-testid="band-checks">
              <MessageBarBody>
                {checks.map((c) => (
                  <div key={c}>{c}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={s.actions}>
            <Button size="small" icon={<AddRegular />} onClick={addBand} ref={addRef}>
              Add band
            </Button>
            {/* Reset turns itself off: it keeps focus rather than dropping it to the page. */}
            <Button size="small" icon={<ArrowUndoRegular />} onClick={reset} disabledFocusable={!edited}>
              Reset
            </Button>
            <Button
              size="small"
              appearance="primary"
              icon={<SaveRegular />}
              disabled={!save || "reason" in save}
              onClick={() => setConfirming(true)}
              {...restoreFocusHere}
            >
              Save to workbook
            </Button>
          </div>
          {save && "reason" in save && <Caption1 className={s.muted}>{save.reason}</Caption1>}
          {status && (
            <MessageBar intent={status.intent}>
              <MessageBarBody>{status.text}</MessageBarBody>
            </MessageBar>
          )}
        </Section>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Update the Tiers table?</DialogTitle>
            <DialogContent>
              {save &&
                !("reason" in save) &&
                `This replaces the ${save.replacing} baseline ${save.replacing === 1 ? "row" : "rows"} of ${plan.name} · ${measure.measure} in your Tiers table with ${drafts.length} ${drafts.length === 1 ? "row" : "rows"}. Other plans and scenario rows are not changed.`}
              {parsed?.tiers && (
                <div className={s.compare} data-testid="confirm-bands">
                  {(
                    [
                      ["Now", measure.tiers],
                      ["After saving", parsed.tiers],
                    ] as const
                  ).map(([title, tiers]) => (
                    <div key={title}>
                      <Caption1 className={s.head}>{title}</Caption1>
                      {bandLines(measure, tiers).map((line) => (
                        <Body1 key={line} as="p" className={s.line}>
                          {line}
                        </Body1>
                      ))}
                    </div>
                  ))}
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={doSave}>
                Update Tiers
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function BandRow({
  band,
  index,
  onEdit,
  onDelete,
  removeRef,
  inputClass,
  invalidClass,
  invalid,
  problemIds,
  rowClass,
  cellClass,
}: {
  band: BandDraft;
  index: number;
  onEdit: (i: number, key: keyof BandDraft, v: string) => void;
  onDelete: () => void;
  removeRef: (el: HTMLButtonElement | null) => void;
  inputClass: string;
  invalidClass: string;
  invalid: ReadonlySet<string> | undefined;
  /** The ids of the problems that name this band: a field at fault is described by them. */
  problemIds: readonly string[];
  rowClass: string;
  cellClass: string;
}) {
  const bad = (field: keyof BandDraft) => invalid?.has(`${index}.${field}`) === true;
  const look = (field: keyof BandDraft) => ({
    className: mergeClasses(inputClass, bad(field) && invalidClass),
    "aria-invalid": bad(field),
    "aria-describedby": bad(field) && problemIds.length > 0 ? problemIds.join(" ") : undefined,
  });
  return (
    <div className={rowClass} role="row">
      <div role="cell" className={cellClass}>
        <Input
          {...look("from")}
          size="small"
          value={band.from}
          aria-label={`Band ${index + 1} from`}
          onChange={(_, d) => onEdit(index, "from", d.value)}
        />
      </div>
      <div role="cell" className={cellClass}>
        <Input
          {...look("to")}
          size="small"
          value={band.to}
          placeholder="no limit"
          aria-label={`Band ${index + 1} to`}
          onChange={(_, d) => onEdit(index, "to", d.value)}
        />
      </div>
      <div role="cell" className={cellClass}>
        <Input
          {...look("rate")}
          size="small"
          value={band.rate}
          aria-label={`Band ${index + 1} rate`}
          onChange={(_, d) => onEdit(index, "rate", d.value)}
        />
      </div>
      <div role="cell" className={cellClass}>
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={`Remove band ${index + 1}`}
          onClick={onDelete}
          ref={removeRef}
        />
      </div>
    </div>
  );
}
