#!/usr/bin/env node
"use strict";
/** npm stop: stops the server `npm start` left running, and only that one (and unloads the add-in where it sideloaded it). */
const path = require("path");
const { spawnSync } = require("child_process");
const { stop } = require("./launch");

const ROOT = path.join(__dirname, "..");

stop(path.join(ROOT, ".tmp", "server.json")).then((said) => {
  console.log(said);
  if (process.platform === "win32" || process.platform === "darwin") {
    spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["office-addin-dev-settings", "unregister", "manifest.xml"], { cwd: ROOT, stdio: "ignore" });
  }
});
