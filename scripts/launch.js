"use strict";
/**
 * Starting and stopping the local server for `npm start` / `npm stop`, apart from the build so it
 * can be tested. The server itself (serve.js) takes the first free port from the one asked for and
 * writes where it listens into a state file, with a token it sends on every answer: start prints an
 * address only once that server answers with that token, and stop stops only that server.
 */
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { spawn } = require("child_process");

function readState(file) {
  try {
    const s = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof s.pid === "number" && typeof s.port === "number" && typeof s.token === "string" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The token the server on a port answers with (undefined when nothing, or a server of another kind, answers). */
function tokenAt(port, scheme) {
  const mod = scheme === "https" ? require("https") : require("http");
  return new Promise((resolve) => {
    const req = mod.get({ host: "127.0.0.1", port, path: "/index.html", rejectUnauthorized: false, timeout: 1500 }, (res) => {
      res.resume();
      resolve(res.headers["x-ziping-server"]);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}

/** Starts serve.js detached; resolves with the address it listens on, or with why it could not. */
async function launch({ dir, port, tls, stateFile, logFile }) {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  try {
    fs.unlinkSync(stateFile);
  } catch {
    /* none yet */
  }
  const token = crypto.randomBytes(12).toString("hex");
  const args = [path.join(__dirname, "serve.js"), "--dir", dir, "--port", String(port), "--tries", "20", "--token", token, "--state", stateFile];
  if (tls) args.push("--cert", tls.cert, "--key", tls.key);
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  let exited = false;
  child.on("exit", () => (exited = true));
  for (let i = 0; i < 100 && !exited; i++) {
    const s = readState(stateFile);
    if (s && s.token === token && (await tokenAt(s.port, s.scheme)) === token) return { ok: true, port: s.port, scheme: s.scheme, pid: s.pid };
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!exited) {
    try {
      process.kill(child.pid);
    } catch {
      /* gone */
    }
  }
  let reason = "";
  try {
    reason = fs.readFileSync(logFile, "utf8").trim().split("\n").pop() || "";
  } catch {
    /* no log */
  }
  return { ok: false, reason };
}

/** Stops the server a state file names, only if that server still answers with its token. */
async function stop(stateFile) {
  const s = readState(stateFile);
  if (!s) return "没有由 npm start 启动的服务。";
  try {
    fs.unlinkSync(stateFile);
  } catch {
    /* already gone */
  }
  if ((await tokenAt(s.port, s.scheme)) !== s.token) return `端口 ${s.port} 上已没有 npm start 启动的服务，未停止任何进程。`;
  try {
    process.kill(s.pid);
  } catch {
    return "服务已经不在运行。";
  }
  return `已停止服务（端口 ${s.port}，进程 ${s.pid}）。`;
}

module.exports = { launch, stop, readState, tokenAt };
