/**
 * dist/functions.js: the functions' script for a host that runs custom
 * functions in a separate JavaScript-only runtime rather than the shared one
 * (the manifest's <Script>). It registers every COMP.* function with no
 * LiveFunctions attached, so each answers #N/A saying that the shared runtime
 * is needed; the pane still works in its own runtime.
 */
import "./functions";
