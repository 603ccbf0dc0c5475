#!/usr/bin/env node
"use strict";
// The CLI is compiled into dist/ by `npm ci` (the prepare script); say so plainly when it is missing.
try {
  require("../dist/cli/main.js").main(process.argv);
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist/cli/main.js")) {
    console.error("ziping 尚未编译：请先在项目目录运行 npm ci（或 npm run build:cli）。");
    process.exit(2);
  }
  throw error;
}
