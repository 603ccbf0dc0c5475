#!/usr/bin/env node
"use strict";
/**
 * npm start: builds the add-in (pane, commands page, demo), serves it on localhost and prints the
 * demo's address. https with the Office dev certificates where they are installed or can be
 * installed without sudo (Windows, Mac); plain http otherwise (Linux). Where Excel desktop is
 * present (Windows, Mac) it also sideloads the add-in. `npm stop` stops what it started.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { launch, stop } = require("./launch");

const ROOT = path.join(__dirname, "..");
const STATE = path.join(ROOT, ".tmp");
const STATE_FILE = path.join(STATE, "server.json");
const LOG_FILE = path.join(STATE, "server.log");
const PORT = Number(process.env.ZIPING_PORT || 3000);

function say(s) {
  process.stdout.write(`${s}\n`);
}

async function build() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}

/** The Office dev certificates: used where present; installed first only where that needs no sudo. */
async function certificates() {
  let defaults;
  try {
    defaults = require("office-addin-dev-certs/lib/defaults");
  } catch {
    return undefined;
  }
  const present = () => [defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f));
  if (!present() && (process.platform === "win32" || process.platform === "darwin")) {
    try {
      await require("office-addin-dev-certs").ensureCertificatesAreInstalled();
    } catch (e) {
      say(`未能安装 Office 开发证书（${e.message}），改用 http。`);
    }
  }
  return present() ? { cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath } : undefined;
}

async function main() {
  fs.mkdirSync(STATE, { recursive: true });
  // A server this checkout started before is stopped; anyone else's is left alone.
  const previous = await stop(STATE_FILE);
  if (previous.startsWith("已停止")) say(previous);
  say("正在构建（任务窗格、命令页、演示页）…");
  await build();
  const tls = await certificates();
  const started = await launch({ dir: path.join(ROOT, "dist", "addin"), port: PORT, tls, stateFile: STATE_FILE, logFile: LOG_FILE });
  if (!started.ok) {
    say(`服务没有启动：${started.reason || `请查看 ${path.relative(ROOT, LOG_FILE)}`}`);
    process.exitCode = 1;
    return;
  }
  const base = `${started.scheme}://localhost:${started.port}/`;
  if (started.port !== PORT) say(`端口 ${PORT} 已被其他程序占用，改用 ${started.port}。（Excel 加载项的 manifest.xml 指向端口 3000：在 Excel 中使用前，请先关闭占用该端口的程序再 npm start。）`);
  say("");
  say(`演示页面：${base}index.html`);
  say(`任务窗格：${base}taskpane.html（在 Excel 中加载 manifest.xml 后使用）`);
  if (!tls) say("（未安装 Office 开发证书，使用 http；演示页面不受影响。在 Excel 中加载需要 https：运行 npm run certs 后重新 npm start。）");
  if (process.platform === "win32" || process.platform === "darwin") {
    say("正在把加载项旁加载到 Excel…");
    const r = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["office-addin-dev-settings", "sideload", "manifest.xml", "desktop"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) say("旁加载没有完成：可按 README 手动加载 manifest.xml。");
  } else {
    say(`这台机器是 ${os.type()}，没有 Excel 桌面版：只提供演示页面；在 Excel 网页版中加载请按 README 上传 manifest.xml。`);
  }
  say("停止服务：npm stop");
}

main().catch((e) => {
  say(`启动失败：${e.message}`);
  process.exitCode = 1;
});
