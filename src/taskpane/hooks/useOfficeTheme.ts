import type { Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { themeFor } from "../theme";

type OfficeTheme = { bodyBackgroundColor?: string } | undefined;

/**
 * The Fluent theme for Office's current theme, kept up to date: Excel gives a
 * task pane no event when the user switches Office's theme, so the theme is
 * read again each second and when the pane regains focus (a property read;
 * themeFor returns the same object for the same theme, so nothing re-renders
 * until it changes).
 */
export function useOfficeTheme(read: () => OfficeTheme, everyMs = 1000): Theme {
  const [theme, setTheme] = useState(() => themeFor(read()));
  useEffect(() => {
    const check = () => setTheme(themeFor(read()));
    const timer = setInterval(check, everyMs);
    window.addEventListener("focus", check);
    document.addEventListener("visibilitychange", check);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", check);
      document.removeEventListener("visibilitychange", check);
    };
  }, [read, everyMs]);
  return theme;
}
