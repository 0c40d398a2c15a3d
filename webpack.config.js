/**
 * Builds the task pane (taskpane.html) and the ribbon's function file
 * (commands.html) into dist/, with the manifest and icons.
 *
 * - production (`npm run build`): minified, no source maps, manifest URLs
 *   switched to ADDIN_PROD_URL; needs no certificates.
 * - development: `source-map` (never an eval-based devtool: the CSP forbids
 *   eval); `npm run dev-server` serves https://localhost:3000 with the
 *   office-addin-dev-certs certificate, loaded only in that mode.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
/** Entries loaded by a fixed name (the pane's worker; the manifest's functions script). */
const UNHASHED = new Set(["model-worker", "functions"]);
/** A placeholder for builds that are not deployed (`npm run build:local`, CI, tests): never a real deployment. */
const PLACEHOLDER_PROD_URL = "https://compplan.example.com/";

/** office.js is the only script from elsewhere; Fluent UI (Griffel) injects <style>, hence 'unsafe-inline' for styles only. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** ADDIN_SUPPORT_CONTACT, as safe HTML (an e-mail address becomes a mailto link). */
function supportContact() {
  const stated = (process.env.ADDIN_SUPPORT_CONTACT || "").trim();
  const html = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  if (!stated) return "the administrator who deployed CompPlan in your organisation";
  return /^[^@\s]+@[^@\s]+$/.test(stated) ? `<a href="mailto:${html(stated)}">${html(stated)}</a>` : html(stated);
}

/** The manifest for a deployment: every dev URL (and the AppDomain) pointed at `prodUrl`. */
function productionManifest(xml, prodUrl = PLACEHOLDER_PROD_URL) {
  const base = new URL(prodUrl);
  if (base.protocol !== "https:") throw new Error(`ADDIN_PROD_URL must be https, got ${prodUrl}`);
  const root = base.href.endsWith("/") ? base.href : `${base.href}/`;
  return xml.split(DEV_URL).join(root).split(DEV_URL.slice(0, -1)).join(base.origin);
}

/**
 * Where the add-in will be hosted: ADDIN_PROD_URL. A production build for deployment must say it, and not as the
 * placeholder (a manifest pointing at compplan.example.com would install an add-in that never loads); a local
 * build (`--env local`) is told it will not be deployed and takes the placeholder.
 */
function deploymentUrl(production, env) {
  const stated = process.env.ADDIN_PROD_URL;
  if (!production || env.local) return stated || PLACEHOLDER_PROD_URL;
  if (!stated || new URL(stated).hostname === new URL(PLACEHOLDER_PROD_URL).hostname) {
    throw new Error(
      "npm run build makes the bundle you deploy: set ADDIN_PROD_URL to the https address dist/ will be served from " +
        "(ADDIN_PROD_URL=https://addins.example.org/compplan/ npm run build). For a bundle that is not deployed " +
        "(tests, CI, a local look), run npm run build:local.",
    );
  }
  return stated;
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const prodUrl = deploymentUrl(production, env ?? {});

  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The pane's model thread: loaded by name (src/taskpane/model/compute.ts), so it has no hash.
      "model-worker": "./src/taskpane/model/modelWorker.ts",
      // The functions' script for a host without the shared runtime (the manifest's <Script>): named by the manifest.
      functions: "./src/functions/fallback.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (pathData) => (UNHASHED.has(pathData.chunk.name) ? "[name].js" : "[name].[contenthash:8].js"),
      // dist/node is the CLI's build (npm run build:cli): keep it.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // No `global` shim: webpack's shim falls back to `new Function`, which the CSP forbids.
    node: { global: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so webpack can tree-shake Fluent UI.
              compilerOptions: {
                module: "esnext",
                moduleResolution: "node",
                target: "es2020", // bigint (the pricing kernel): Edge WebView2 and Safari 14+, as Fluent UI v9 needs anyway
                noEmit: false,
                sourceMap: !production,
              },
            },
          },
        },
      ],
    },
    plugins: [
      // dist/functions.json, the COMP.* functions' metadata, generated from the JSDoc of src/functions/functions.ts;
      // the plugin also appends their CustomFunctions.associate calls to that file.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // The version the About section shows.
      new webpack.DefinePlugin({ __COMPPLAN_VERSION__: JSON.stringify(require("./package.json").version) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { csp: CSP },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "src/taskpane/help.html",
            to: "help.html",
            // Who helps the users of this deployment: ADDIN_SUPPORT_CONTACT (an address or a name), else their admin.
            transform: (content) => content.toString().split("%SUPPORT_CONTACT%").join(supportContact()),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? productionManifest(content.toString(), prodUrl) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
  };

  if (serving) {
    // Only here: the dev certificate (installs a CA with sudo on first use).
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: 3000,
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    };
  }
  return config;
};

module.exports.productionManifest = productionManifest;
module.exports.deploymentUrl = deploymentUrl;
module.exports.supportContact = supportContact;
module.exports.CSP = CSP;
