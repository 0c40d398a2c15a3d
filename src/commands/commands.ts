/**
 * The ribbon's function file. The only button opens the task pane
 * (ShowTaskpane in the manifest), so there is no function to register; the
 * page must still load office.js and call onReady for Office to consider it
 * ready.
 */
Office.onReady(() => undefined);
