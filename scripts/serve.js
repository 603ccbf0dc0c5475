#!/usr/bin/env node
"use strict";
/**
 * A static file server for the built add-in (dist/addin) on this machine only (127.0.0.1).
 * Forty lines do the job; a dependency would add more than it saves.
 *   node scripts/serve.js [--dir dist/addin] [--port 3000] [--tries 1] [--token T --state FILE] [--cert c --key k]
 * With --tries N it takes the first free port of N from --port; with --state it writes where it
 * listens there (npm start reads it); --token is sent back on every answer (npm stop checks it).
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json", ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".txt": "text/plain; charset=utf-8", ".css": "text/css" };

function createServer(dir, tls, token) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    if (token) res.setHeader("X-ZiPing-Server", token);
    const url = new URL(req.url || "/", "http://localhost");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("未找到");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" });
      res.end(data);
    });
  };
  return tls ? https.createServer(tls, handler) : http.createServer(handler);
}

module.exports = { createServer };

if (require.main === module) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const cert = arg("cert");
  const key = arg("key");
  const tls = cert && key ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : undefined;
  const first = Number(arg("port", "3000"));
  const tries = Number(arg("tries", "1"));
  const state = arg("state");
  const scheme = tls ? "https" : "http";
  const server = createServer(arg("dir", "dist/addin"), tls, arg("token"));
  let port = first;
  server.on("error", (e) => {
    if (e.code === "EADDRINUSE" && port < first + tries - 1) {
      port += 1;
      server.listen(port, "127.0.0.1");
      return;
    }
    console.error(e.code === "EADDRINUSE" ? `端口 ${first}–${port} 都已被占用，服务没有启动。可用 ZIPING_PORT=4000 npm start 换一个起始端口。` : `服务没有启动：${e.message}`);
    process.exit(1);
  });
  server.on("listening", () => {
    if (state) fs.writeFileSync(state, JSON.stringify({ pid: process.pid, port, scheme, token: arg("token") }));
    console.log(`serving on ${scheme}://localhost:${port}/`);
  });
  server.listen(port, "127.0.0.1");
}
