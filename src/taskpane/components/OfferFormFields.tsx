import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { offerLabel } from "../model/offerColumns";
import { percentShown, type DraftField, type OfferDraft } from "../model/offerDraft";
import { formatCount, formatNumber, formatPercent } from "../model/format";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))",
    alignItems: "start",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  input: { minWidth: 0, width: "100%" },
  radios: { flexWrap: "wrap", columnGap: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  header: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

/** The plan dropdown's value for "no plan". */
const LINEAR_PLAN_LABEL = "Linear, uncapped";

export interface OfferFormFieldsProps {
  readonly draft: OfferDraft;
  readonly onChange: (draft: OfferDraft) => void;
  readonly planNames: readonly string[];
  /** The chosen plan pays on bookings amounts: ask for the quota. */
  readonly needsQuota: boolean;
  readonly problems: ReadonlyMap<DraftField, string>;
  readonly reportingCurrency: string;
}

/** The Offers columns a candidate knows, typed the way they think of them (money, % of quota, months). */
export function OfferFormFields({
  draft,
  onChange,
  planNames,
  needsQuota,
  problems,
  reportingCurrency,
}: OfferFormFieldsProps) {
  const s = useStyles();
  const set = (patch: Partial<OfferDraft>) => onChange({ ...draft, ...patch });
  const text = (
    field: DraftField,
    label: string,
    extra: { hint?: string; after?: string; placeholder?: string; type?: "date" } = {},
  ) => (
    <Field
      label={label}
      size="small"
      hint={extra.hint}
      validationMessage={problems.get(field)}
      validationState={problems.has(field) ? "error" : "none"}
    >
      <Input
        className={s.input}
        size="small"
        type={extra.type}
        value={draft[field]}
        placeholder={extra.placeholder}
        contentAfter={extra.after}
        onChange={(_, d) => set({ [field]: d.value } as Partial<OfferDraft>)}
      />
    </Field>
  );
  // The labels the validation messages use too (offerEvaluation.ts), from one list (offerColumns.ts).
  const payLabel = offerLabel(draft.payKind === "OTE" ? "ote" : "targetVariable");
  const spreadLabel = offerLabel(draft.spreadKind === "ShareAtQuota" ? "shareAtQuota" : "stdDev");

  return (
    <div className={s.form}>
      {text("name", offerLabel("offer"), { placeholder: "e.g. Globex, AE" })}
      <RadioGroup
        className={s.radios}
        layout="horizontal"
        value={draft.payKind}
        onChange={(_, d) => set({ payKind: d.value as OfferDraft["payKind"] })}
        aria-label="Second pay figure"
      >
        <Radio value="OTE" label={offerLabel("ote")} />
        <Radio value="TargetVariable" label={offerLabel("targetVariable")} />
      </RadioGroup>
      <div className={s.pair}>
        {/* Example amounts in the user's number format: "150,000" typed in de-DE would read as 150. */}
        {text("base", offerLabel("base"), { placeholder: formatCount(150_000) })}
        {text("pay", payLabel, { placeholder: formatCount(draft.payKind === "OTE" ? 300_000 : 150_000) })}
      </div>
      <Field
        label={offerLabel("plan")}
        size="small"
        hint={`How the bonus pays: a plan of this workbook, or ${formatNumber(1, 1, 1)}× target per ${formatPercent(1)} of quota`}
        validationMessage={problems.get("plan")}
        validationState={problems.has("plan") ? "error" : "none"}
      >
        <Dropdown
          className={s.input}
          size="small"
          value={draft.plan || LINEAR_PLAN_LABEL}
          selectedOptions={[draft.plan]}
          onOptionSelect={(_, d) => set({ plan: d.optionValue ?? "" })}
        >
          <Option value="">{LINEAR_PLAN_LABEL}</Option>
          {planNames.map((p) => (
            <Option key={p} value={p}>
              {p}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {needsQuota && text("quota", offerLabel("quota"), { hint: "The plan pays a percent of bookings" })}
      <div className={s.pair}>
        {text("expectedAttainment", offerLabel("expectedAttainment"), {
          after: "%",
          placeholder: "80",
          // How the number was read (0.85 and 85 are both 85%), else what to type.
          hint: percentShown(draft.expectedAttainment) ?? "What the org reached last year",
        })}
        {text("spread", spreadLabel, {
          after: "%",
          // Blank: the org's year-to-year spread from AttainmentHistory, else the default (the result says which).
          placeholder: "blank = org's",
          hint:
            percentShown(draft.spread) ??
            (draft.spreadKind === "StdDev" ? "Org's year-to-year spread" : "Reps at quota (IC plans only)"),
        })}
      </div>
      <RadioGroup
        className={s.radios}
        layout="horizontal"
        value={draft.spreadKind}
        onChange={(_, d) => set({ spreadKind: d.value as OfferDraft["spreadKind"] })}
        aria-label="Spread given as"
      >
        <Radio value="ShareAtQuota" label={offerLabel("shareAtQuota")} />
        <Radio value="StdDev" label={offerLabel("stdDev")} />
      </RadioGroup>
      <Accordion collapsible>
        <AccordionItem value="more">
          <AccordionHeader className={s.header} size="small">
            Ramp, sign-on, equity, start
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <div className={s.pair}>
              {text("rampMonths", offerLabel("rampMonths"), { placeholder: "0" })}
              {text("rampGuarantee", offerLabel("rampGuarantee"), {
                after: "%",
                placeholder: "none",
                hint: percentShown(draft.rampGuarantee) ?? undefined,
              })}
              {text("signOnBonus", offerLabel("signOnBonus"), { placeholder: "0" })}
              {text("equityValue", offerLabel("equityValue"), { placeholder: "0", hint: "Whole grant, at offer" })}
              {text("vestingYears", offerLabel("vestingYears"), { placeholder: "4" })}
              {text("cliffMonths", offerLabel("cliffMonths"), { placeholder: "12" })}
              <Field label={offerLabel("vestingFrequency")} size="small">
                <Dropdown
                  className={s.input}
                  size="small"
                  value={draft.vestingFrequency || "Monthly (default)"}
                  selectedOptions={[draft.vestingFrequency]}
                  onOptionSelect={(_, d) =>
                    set({ vestingFrequency: (d.optionValue ?? "") as OfferDraft["vestingFrequency"] })
                  }
                >
                  <Option value="">Monthly (default)</Option>
                  <Option value="Monthly">Monthly</Option>
                  <Option value="Quarterly">Quarterly</Option>
                  <Option value="Annual">Annual</Option>
                </Dropdown>
              </Field>
              {text("startDate", offerLabel("startDate"), { type: "date" })}
              {text("currency", offerLabel("currency"), { placeholder: reportingCurrency })}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
