import { useCallback, useLayoutEffect, useRef } from "react";

type Target = () => HTMLElement | null | undefined;

/**
 * Where focus goes when an action takes away the control that had it (Cancel, a removed band, the example card
 * once inserted), so keyboard and screen-reader users keep their place instead of landing on the page body.
 *
 * The action calls `moveFocus(target)`. The first render of this component after focus has fallen to the body
 * gives it to the target, once the target is there (a status message may come later). Focus still on the control
 * the action started from waits (a button kept focusable while its work runs, that a later render may remove);
 * focus the user has put anywhere else is left alone.
 */
export function useFocusFallback(): (target: Target) => void {
  const pending = useRef<{ target: Target; from: Element | null } | null>(null);
  // Before the browser paints: focus never shows on the body, even for a frame.
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) {
      if (active !== p.from) pending.current = null;
      return;
    }
    const el = p.target();
    if (!el) return;
    pending.current = null;
    el.focus();
  });
  return useCallback((target: Target) => {
    pending.current = { target, from: document.activeElement };
  }, []);
}
