import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { RawTable } from "../../workbook/types";
import { OfferCompare } from "../components/OfferCompare";
import { OfferFormFields } from "../components/OfferFormFields";
import { gapWords, OfferResultFigures } from "../components/OfferResultFigures";
import { localizeFigures } from "../model/format";
import { Section } from "../components/Section";
import { useDebounced } from "../hooks/useDebounced";
import { compareOffers, MAX_COMPARED, offerChoices } from "../model/offerComparison";
import { isPristine, type OfferDraft } from "../model/offerDraft";
import { evaluateDraft, offerContext, planNeedsQuota } from "../model/offerEvaluation";
import { offerSavePlan, type OfferSave } from "../model/offerSave";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  headline: { fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0 },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface OffersViewProps {
  readonly port: WorkbookPort;
  readonly tables: readonly RawTable[];
  readonly draft: OfferDraft;
  readonly onDraftChange: (draft: OfferDraft) => void;
  /** Offers the user unchecked in the comparison (kept by the pane across tabs, as the draft is). */
  readonly excluded: ReadonlySet<string>;
  readonly onExcludedChange: (excluded: ReadonlySet<string>) => void;
  /** The Offers table changed: re-read the workbook. */
  readonly onSaved: () => void;
}

type Status = { intent: "success" | "error"; text: string } | null;

/** Evaluate a job offer as the org really pays, save it to the Offers table, compare it with the others. */
export function OffersView({
  port,
  tables,
  draft,
  onDraftChange,
  excluded,
  onExcludedChange,
  onSaved,
}: OffersViewProps) {
  const s = useStyles();
  const ctx = useMemo(() => offerContext(tables), [tables]);
  // Exact Normal sums take tens of milliseconds: value the form once typing pauses.
  const settled = useDebounced(draft, 120);
  const evaluation = useMemo(() => evaluateDraft(settled, ctx), [settled, ctx]);
  const choices = useMemo(() => offerChoices(ctx, evaluation.offer), [ctx, evaluation.offer]);
  const comparison = useMemo(
    () =>
      compareOffers(
        ctx,
        choices.filter((c) => !excluded.has(c.name)),
      ),
    [ctx, choices, excluded],
  );
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState<OfferSave | null>(null);
  const [busy, setBusy] = useState(false);
  // Closing the update confirmation returns focus to Save (a dialog opened without a DialogTrigger restores it nowhere).
  const restoreFocusHere = useRestoreFocusTarget();

  const edit = (d: OfferDraft) => {
    setStatus(null);
    onDraftChange(d);
  };
  const r = evaluation.result;
  // While typing, and before anything is typed, problems wait.
  const typing = settled !== draft || isPristine(draft);
  const save = evaluation.offer ? offerSavePlan(tables, settled, evaluation.offer) : null;

  const write = async (plan: OfferSave) => {
    setConfirming(null);
    setBusy(true);
    setStatus(null);
    try {
      if (plan.kind === "create") {
        const report = await port.insertExample([plan.table]);
        if (report.inserted.length === 0) throw new Error("A sheet named Offers already exists: nothing was changed.");
        setStatus({ intent: "success", text: "Added an Offers table on a new sheet, with this offer." });
      } else if (plan.kind === "add" || plan.kind === "update") {
        await port.replaceRows(plan.patch);
        setStatus({
          intent: "success",
          text:
            plan.kind === "add"
              ? "Added this offer to the Offers table."
              : `Updated row ${plan.row} of the Offers table.`,
        });
      }
      onSaved();
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const onSave = () => {
    if (!save || save.kind === "blocked") return;
    if (save.kind === "update") setConfirming(save);
    else void write(save);
  };
  const toggle = (name: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(name);
    else next.add(name);
    onExcludedChange(next);
  };
  // More than four offers: the rest start unchecked.
  const overflow = choices.filter((c) => !excluded.has(c.name)).length > MAX_COMPARED;

  return (
    <div className={s.stack}>
      <Section title="Evaluate an offer">
        <Caption1 className={s.muted}>
          What the offer is worth at the attainment the org really reaches, not at 100%. Amounts in{" "}
          {ctx.settings.reportingCurrency}.
        </Caption1>
        <OfferFormFields
          draft={draft}
          onChange={edit}
          planNames={ctx.planNames}
          needsQuota={planNeedsQuota(ctx, draft.plan)}
          problems={typing ? new Map() : evaluation.problems}
          reportingCurrency={ctx.settings.reportingCurrency}
        />
        {!typing &&
          evaluation.general.map((m) => (
            <MessageBar key={m} intent="error">
              <MessageBarBody>{m}</MessageBarBody>
            </MessageBar>
          ))}
      </Section>
      <Section title={r ? r.offer.name : "Result"}>
        {r ? (
          <>
            <Body1 className={s.headline} data-testid="offer-headline">
              Realistically {gapWords(r)}.
            </Body1>
            <OfferResultFigures result={r} />
            {evaluation.warnings.length > 0 && (
              <>
                <Body1 as="h3" className={s.subheading}>
                  Ask before accepting
                </Body1>
                <ul className={s.warnings}>
                  {evaluation.warnings.map((w) => (
                    <li key={w}>
                      <Caption1>{localizeFigures(w.charAt(0).toUpperCase() + w.slice(1))}</Caption1>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className={s.actions}>
              <Button
                appearance="primary"
                size="small"
                icon={busy ? <Spinner size="extra-tiny" aria-label="Saving" /> : <SaveRegular />}
                disabled={!save || save.kind === "blocked"}
                // Keeps focus while it saves (a disabled button drops it to the page).
                disabledFocusable={busy}
                onClick={onSave}
                {...restoreFocusHere}
              >
                Save to workbook
              </Button>
              {save?.kind === "update" && <Caption1 className={s.muted}>updates row {save.row} of Offers</Caption1>}
              {save?.kind === "create" && <Caption1 className={s.muted}>adds an Offers table on a new sheet</Caption1>}
            </div>
            {save?.kind === "blocked" && <Caption1 className={s.muted}>{save.reason}</Caption1>}
          </>
        ) : (
          <Caption1 className={s.muted}>
            Give a name, the base and the OTE (or target variable): the result shows here as you type.
          </Caption1>
        )}
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </Section>
      {choices.length > 1 && (
        <Section title="Compare offers">
          <Caption1 className={s.muted}>
            This form and the Offers table, up to {MAX_COMPARED} at a time.
            {overflow ? ` Only the first ${MAX_COMPARED} checked are compared.` : ""}
          </Caption1>
          <OfferCompare choices={choices} excluded={excluded} onToggle={toggle} comparison={comparison} />
        </Section>
      )}
      <Dialog open={confirming !== null} onOpenChange={(_, d) => !d.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Update this offer in the workbook?</DialogTitle>
            <DialogContent>
              {confirming?.kind === "update" &&
                `${settled.name.trim()} is already in row ${confirming.row} of your Offers table. Its values are replaced by the form's${
                  confirming.untouched.length
                    ? `; ${confirming.untouched.join(", ")} keep${confirming.untouched.length === 1 ? "s its value" : " their values"}`
                    : ""
                }. Other rows are not changed.`}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={() => confirming && void write(confirming)}>
                Update offer
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
