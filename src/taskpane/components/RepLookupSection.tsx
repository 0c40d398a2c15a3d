import { Body1, Caption1, Combobox, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { SheetSpec } from "../../workbook/types";
import { formatMoney, formatPercent, localizeNoteAmounts } from "../model/format";
import { repChoices, repLookup } from "../model/repLookup";
import { Section } from "./Section";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  combo: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "right", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  left: { textAlign: "left" },
  td: { textAlign: "right", padding: `1px 0`, fontVariantNumeric: "tabular-nums" },
});

/** Pick a rep and see their year: statement, payout lines and realistic band, from this run's result sheets. */
export function RepLookupSection({ sheets }: { sheets: readonly SheetSpec[] }) {
  const s = useStyles();
  const choices = useMemo(() => repChoices(sheets), [sheets]);
  const [id, setId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const rep = useMemo(() => (id ? repLookup(sheets, id) : null), [sheets, id]);
  const label = (c: { id: string; name: string }) => `${c.id} · ${c.name}`;
  const shown = choices.filter((c) => label(c).toLowerCase().includes(query.trim().toLowerCase())).slice(0, 50);
  const money = (v: number | null) => (v === null ? "–" : formatMoney(v, rep?.currency ?? "USD"));
  return (
    <Section title="Look up a rep">
      <div className={s.body} data-testid="rep-lookup">
        <Combobox
          className={s.combo}
          aria-label="Rep"
          placeholder="RepID or name"
          freeform
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            setId(d.optionValue ?? null);
            setQuery(d.optionText ?? "");
          }}
        >
          {shown.map((c) => (
            <Option key={c.id} value={c.id} text={label(c)}>
              {label(c)}
            </Option>
          ))}
        </Combobox>
        {rep && (
          <>
            <Body1 data-testid="rep-total">
              {rep.name} ({rep.plan}): {money(rep.totalEarnings)} this year
              {rep.pctOfOte === null ? "" : `, ${formatPercent(rep.pctOfOte)} of OTE`}
            </Body1>
            {rep.realistic && (
              <Caption1 data-testid="rep-band">
                Realistic ({rep.realistic.scenario}): {money(rep.realistic.p10)} to {money(rep.realistic.p90)}, median{" "}
                {money(rep.realistic.p50)}; {formatPercent(rep.realistic.probReachOte, 0)} chance of reaching OTE
              </Caption1>
            )}
            <table className={s.table} data-testid="rep-statement">
              <thead>
                <tr>
                  <th className={`${s.th} ${s.left}`} scope="col">
                    Period
                  </th>
                  <th className={s.th} scope="col">
                    Earned
                  </th>
                  <th className={s.th} scope="col">
                    Net paid
                  </th>
                </tr>
              </thead>
              <tbody>
                {rep.statement.map((p) => (
                  <tr key={p.period} title={p.notes ? localizeNoteAmounts(p.notes, rep.currency) : undefined}>
                    <th className={`${s.td} ${s.left}`} scope="row">
                      {p.period}
                    </th>
                    <td className={s.td}>{money(p.earned)}</td>
                    <td className={s.td}>{money(p.netPaid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rep.statement
              .filter((p) => p.notes)
              .map((p) => (
                <Caption1 key={p.period} className={s.muted}>
                  {p.period}: {localizeNoteAmounts(p.notes ?? "", rep.currency)}
                </Caption1>
              ))}
            <table className={s.table} data-testid="rep-lines">
              <thead>
                <tr>
                  <th className={`${s.th} ${s.left}`} scope="col">
                    Period · measure
                  </th>
                  <th className={s.th} scope="col">
                    Attainment
                  </th>
                  <th className={s.th} scope="col">
                    Payout
                  </th>
                </tr>
              </thead>
              <tbody>
                {rep.lines.map((l) => (
                  <tr key={`${l.period}|${l.measure}`}>
                    <th className={`${s.td} ${s.left}`} scope="row">
                      {l.period} · {l.measure}
                    </th>
                    <td className={s.td}>{l.attainment === null ? "–" : formatPercent(l.attainment)}</td>
                    <td className={s.td}>{money(l.payout)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </Section>
  );
}
