import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Dark Fluent theme when Office's body background is dark (Office themes: Black, Dark Gray). */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Theme {
  const hex = officeTheme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}
