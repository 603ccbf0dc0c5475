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
const { spawn, spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const STATE = path.join(ROOT, ".tmp");
const PID_FILE = path.join(STATE, "server.pid");
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

function stopPrevious() {
  if (!fs.existsSync(PID_FILE)) return;
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid);
  } catch {
    /* already gone */
  }
  fs.unlinkSync(PID_FILE);
}

async function waitUntilServing(url) {
  const mod = url.startsWith("https") ? require("https") : require("http");
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise((resolve) => {
      const req = mod.get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main() {
  fs.mkdirSync(STATE, { recursive: true });
  stopPrevious();
  say("正在构建（任务窗格、命令页、演示页）…");
  await build();
  const tls = await certificates();
  const args = [path.join(__dirname, "serve.js"), "--dir", path.join(ROOT, "dist", "addin"), "--port", String(PORT)];
  if (tls) args.push("--cert", tls.cert, "--key", tls.key);
  const log = fs.openSync(LOG_FILE, "a");
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", log, log], cwd: ROOT });
  child.unref();
  fs.writeFileSync(PID_FILE, String(child.pid));
  const base = `${tls ? "https" : "http"}://localhost:${PORT}/`;
  if (!(await waitUntilServing(`${base}index.html`))) {
    say(`服务没有启动，请查看 ${path.relative(ROOT, LOG_FILE)}（端口 ${PORT} 是否被占用？可用 ZIPING_PORT=3001 npm start 换一个端口）。`);
    process.exitCode = 1;
    return;
  }
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
