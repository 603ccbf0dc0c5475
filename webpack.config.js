/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds the add-in's pages: the task pane (taskpane.html, which also hosts the ribbon command
 * in the shared runtime), the command's notice (commands.html), the help page, and the manifest's
 * DefaultSettings page (classic.html) with the classic pane (classic.js, ES5 for Internet Explorer 11
 * in Excel 2016/2019 volume-licensed), plus the manifest with its URLs pointing at the production host
 * in production builds.
 *   npm run build          production: ZIPING_URL_PROD (default below) replaces https://localhost:3000/
 *   npm run build:dev      development
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = process.env.ZIPING_URL_PROD || "https://ziping.example.gov.cn/addin/";
const OFFICE_JS = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';

/**
 * The classic pane's modules, in their own webpack layer: the engine, the assistant and the Excel host
 * are compiled a second time, to ES5 (ts-loader's own instance), for Internet Explorer 11; the modern
 * pane keeps its ES2020 copy. Then es5RegexLoader drops a `u` flag ES5 cannot parse where it changes
 * nothing, and fails the build on any other regular expression IE 11 cannot parse. No React or Fluent UI.
 */
const CLASSIC_LAYER = "classic";
const classicRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  issuerLayer: CLASSIC_LAYER,
  use: [
    { loader: path.resolve(__dirname, "src/classic/es5RegexLoader.js") },
    {
      loader: "ts-loader",
      options: {
        instance: "classic-es5",
        transpileOnly: true,
        configFile: "tsconfig.json",
        compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es5", downlevelIteration: true, lib: ["es2022", "dom"] },
      },
    },
  ],
};

/**
 * The WPS add-in (npm run build:wps), in dist/wps (env.outDir):
 *   ziping/                      the online form, served at ZIPING_WPS_URL (index.html, main.js, ribbon.xml,
 *                                manifest.xml, the pane, images/); publish.xml and jsplugins.xml beside it
 *                                hold its entry, with the attributes Kingsoft's wpsjs writes
 *   offline/ziping_<version>/    the same files, for installing on the machine (no server at all), with
 *                                offline/publish.xml and the install scripts (install-wps.sh, .ps1, .bat)
 * main.js keeps its name: in the offline form WPS writes its own index.html that loads main.js.
 */
function wpsConfig(env, production) {
  const url = process.env.ZIPING_WPS_URL || "http://127.0.0.1:3889/ziping/";
  const version = require("./package.json").version;
  const folder = `ziping_${version}`;
  const xml = (line) => `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${line}\n</jsplugins>\n`;
  // As wpsjs writes them (src/lib/debug_publish.js, build.js): enable="enable_dev" is what WPS itself keeps.
  const online = `<jspluginonline name="ziping" type="et" url="${url}" enable="enable_dev" install="null" customDomain=""/>`;
  const offline = `<jsplugin name="ziping" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
  const outDir = path.resolve(__dirname, env.outDir || "dist/wps");
  const fill = (content) => content.toString().split("@VERSION@").join(version);
  return {
    mode: production ? "production" : "development",
    devtool: false,
    entry: { main: "./src/wps/main.ts", taskpane: "./src/startPane.tsx" },
    output: {
      path: path.join(outDir, "ziping"),
      filename: (data) => (data.chunk.name === "main" ? "main.js" : "[name].[contenthash:8].js"),
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      // ES2017 for WPS's embedded Chromium, which can be older than the browsers Office uses.
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2017" } } } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/index.html", chunks: ["main"] }),
      // The pane's 使用说明 link.
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: [], inject: false }),
      // No office.js: inside WPS the pane finds window.Application and uses the WPS host.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], officeScript: "" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/*.png", to: "images/[name][ext]" },
          // Install entries, one level up from the add-in folder: publish mode and jsplugins.xml mode.
          { from: "src/wps/ribbon.xml", to: "../publish.xml", transform: () => xml(online) },
          { from: "src/wps/ribbon.xml", to: "../jsplugins.xml", transform: () => xml(online) },
          { from: "src/wps/ribbon.xml", to: "../offline/publish.xml", transform: () => xml(offline) },
          { from: "src/wps/install/*", to: "../offline/[name][ext]", transform: fill },
        ],
      }),
      {
        // The offline form: the emitted folder again, under the name WPS's local install expects.
        apply(compiler) {
          compiler.hooks.afterEmit.tap("ZiPingWpsOffline", () => {
            const target = path.join(outDir, "offline", folder);
            for (const old of fs.readdirSync(path.join(outDir, "offline"))) if (old.startsWith("ziping_")) fs.rmSync(path.join(outDir, "offline", old), { recursive: true, force: true });
            fs.cpSync(path.join(outDir, "ziping"), target, { recursive: true });
            fs.chmodSync(path.join(outDir, "offline", "install-wps.sh"), 0o755);
          });
        },
      },
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  if (env.wps) return wpsConfig(env, production);
  const urlProd = PROD_URL.endsWith("/") ? PROD_URL : `${PROD_URL}/`;
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    // The webpack runtime in ES5 too: classic.js must parse in Internet Explorer 11.
    target: ["web", "es5"],
    entry: {
      taskpane: "./src/startPane.tsx",
      commands: "./src/commands/notice.ts",
      demo: "./src/demo/index.tsx",
      // core-js first, then the pane; by a fixed name, which classic.html loads (with the build's hash).
      classic: { import: ["./src/classic/polyfills.ts", "./src/classic/index.ts"], layer: CLASSIC_LAYER, filename: "classic.js" },
    },
    experiments: { layers: true },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist/addin"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        classicRule,
        { test: /\.tsx?$/, exclude: /node_modules/, issuerLayer: { not: CLASSIC_LAYER }, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } } } },
      ],
    },
    performance: { hints: false },
    devServer: {
      port: Number(process.env.ZIPING_PORT || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      // scripts/start.js passes the Office dev certificates where they are installed; plain http otherwise.
      server: process.env.ZIPING_CERT ? { type: "https", options: { cert: process.env.ZIPING_CERT, key: process.env.ZIPING_KEY, ca: process.env.ZIPING_CA } } : "http",
      static: false,
      client: false,
      hot: false,
      liveReload: false,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], officeScript: OFFICE_JS }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], inject: "body" }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: [], inject: false }),
      // The manifest's DefaultSettings page (Excel without add-in commands): its own script is plain ES5,
      // kept as written (no minifying); only classic.js's address gains the build's hash (?…), so that
      // Internet Explorer's cache never serves an old pane.
      new HtmlWebpackPlugin({
        filename: "classic.html",
        chunks: ["classic"],
        inject: false,
        minify: false,
        hash: true,
        templateContent: ({ htmlWebpackPlugin }) => {
          const page = fs.readFileSync(path.join(__dirname, "src/commands/classic.html"), "utf8");
          if (page.split('"classic.js"').length !== 2) throw new Error('src/commands/classic.html must name "classic.js" once');
          return page.split('"classic.js"').join(JSON.stringify(htmlWebpackPlugin.files.js[0]));
        },
      }),
      // The demo: the same pane beside an in-page workbook; no office.js, nothing from the network.
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "examples/2021-天河区城管局-部门整体支出绩效自评表.xlsx", to: "sample.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Page URLs move to the production host; the AppDomain becomes its origin.
            transform: (content) => (production ? content.toString().split(DEV_URL).join(urlProd).split(DEV_URL.slice(0, -1)).join(new URL(urlProd).origin) : content),
          },
        ],
      }),
    ],
  };
};
