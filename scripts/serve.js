#!/usr/bin/env node
"use strict";
/**
 * A static file server for the built add-in (dist/addin) on this machine only (127.0.0.1).
 * Forty lines do the job; a dependency would add more than it saves.
 *   node scripts/serve.js [--dir dist/addin] [--port 3000] [--cert c --key k]
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json", ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".txt": "text/plain; charset=utf-8", ".css": "text/css" };

function createServer(dir, tls) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
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
  const port = Number(arg("port", "3000"));
  createServer(arg("dir", "dist/addin"), tls).listen(port, "127.0.0.1", () => console.log(`serving on ${tls ? "https" : "http"}://localhost:${port}/`));
}
