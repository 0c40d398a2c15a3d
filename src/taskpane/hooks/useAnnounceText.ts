import { useAnnounce } from "@fluentui/react-components";
import { useEffect } from "react";

/**
 * Announces `text` to screen readers whenever it changes to something new (nothing for null or ""), through the
 * pane's AriaLiveAnnouncer, as a MessageBar announces itself: for messages the pane shows in plain text (a band's
 * problem, a what-if's, a finished run). A new `occasion` (a new run's result) announces the same text again.
 */
export function useAnnounceText(text: string | null | undefined, occasion?: unknown): void {
  const { announce } = useAnnounce();
  useEffect(() => {
    if (text) announce(text, { polite: true });
  }, [announce, text, occasion]);
}
