// `npm run test:unit`: the inner loop's run, every suite but the slow ones below (`npm test` runs them all).
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/test/e2e/", // the task pane in Chromium
    "<rootDir>/test/fuzz/", // mutations of the example through the CLI
    "<rootDir>/test/cli/", // the CLI on real files, in and out of process
    "<rootDir>/test/excel/payload\\.test\\.ts$", // 10,000 reps through the fake Excel's payload limits
  ],
};
