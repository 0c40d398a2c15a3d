import { makeStyles, Tooltip } from "@fluentui/react-components";
import type { OfferResult } from "../../engine";
import { spreadWords } from "../model/offerSpread";

const useStyles = makeStyles({
  // Dotted underline: there is an explanation on hover or focus.
  spread: { textDecorationLine: "underline", textDecorationStyle: "dotted", cursor: "help" },
});

/** "±6.2% (Org history 2023–2025)", with a tooltip saying what the spread is and where it came from. */
export function OfferSpread({
  result,
  prefix = "",
  testId,
}: {
  result: OfferResult;
  prefix?: string;
  testId?: string;
}) {
  const s = useStyles();
  const w = spreadWords(result);
  return (
    <Tooltip content={w.tooltip} relationship="description" withArrow>
      <span className={s.spread} tabIndex={0} data-testid={testId}>
        {prefix}
        {w.text}
      </span>
    </Tooltip>
  );
}
