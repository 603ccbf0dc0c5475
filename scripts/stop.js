#!/usr/bin/env node
"use strict";
/** npm stop: stops the server `npm start` left running (and unloads the add-in where it sideloaded it). */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, ".tmp", "server.pid");

if (fs.existsSync(PID_FILE)) {
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid);
    console.log(`已停止服务（进程 ${pid}）。`);
  } catch {
    console.log("服务已经不在运行。");
  }
  fs.unlinkSync(PID_FILE);
} else {
  console.log("没有由 npm start 启动的服务。");
}
if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["office-addin-dev-settings", "unregister", "manifest.xml"], { cwd: ROOT, stdio: "ignore" });
}
