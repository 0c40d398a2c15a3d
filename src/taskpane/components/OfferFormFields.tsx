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
import { percentShown, type DraftField, type OfferDraft } from "../model/offerDraft";

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
  const payLabel = draft.payKind === "OTE" ? "OTE" : "Target variable";
  const spreadLabel = draft.spreadKind === "ShareAtQuota" ? "Share at quota" : "Std dev";

  return (
    <div className={s.form}>
      {text("name", "Offer name", { placeholder: "e.g. Globex, AE" })}
      <RadioGroup
        className={s.radios}
        layout="horizontal"
        value={draft.payKind}
        onChange={(_, d) => set({ payKind: d.value as OfferDraft["payKind"] })}
        aria-label="Second pay figure"
      >
        <Radio value="OTE" label="OTE" />
        <Radio value="TargetVariable" label="Target variable" />
      </RadioGroup>
      <div className={s.pair}>
        {text("base", "Base", { placeholder: "150,000" })}
        {text("pay", payLabel, { placeholder: draft.payKind === "OTE" ? "300,000" : "150,000" })}
      </div>
      <Field
        label="Plan"
        size="small"
        hint="How the bonus pays: a plan of this workbook, or 1.0× target per 100% of quota"
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
      {needsQuota && text("quota", "Annual quota", { hint: "The plan pays a percent of bookings" })}
      <div className={s.pair}>
        {text("expectedAttainment", "Expected attainment", {
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
        <Radio value="ShareAtQuota" label="Share at quota" />
        <Radio value="StdDev" label="Std dev" />
      </RadioGroup>
      <Accordion collapsible>
        <AccordionItem value="more">
          <AccordionHeader className={s.header} size="small">
            Ramp, sign-on, equity, start
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <div className={s.pair}>
              {text("rampMonths", "Ramp months", { placeholder: "0" })}
              {text("rampGuarantee", "Ramp guarantee", {
                after: "%",
                placeholder: "none",
                hint: percentShown(draft.rampGuarantee) ?? undefined,
              })}
              {text("signOnBonus", "Sign-on bonus", { placeholder: "0" })}
              {text("equityValue", "Equity value", { placeholder: "0", hint: "Whole grant, at offer" })}
              {text("vestingYears", "Vesting years", { placeholder: "4" })}
              {text("cliffMonths", "Cliff months", { placeholder: "12" })}
              <Field label="Vesting frequency" size="small">
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
              {text("startDate", "Start date", { type: "date" })}
              {text("currency", "Currency", { placeholder: reportingCurrency })}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
