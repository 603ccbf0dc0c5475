"use strict";
/** The initial JavaScript a page loads: the scripts its html names, gzipped. Shared by bench and tests. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function initialScripts(dir, html) {
  const page = fs.readFileSync(path.join(dir, html), "utf8");
  return [...page.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function gzippedSize(dir, html) {
  let total = 0;
  for (const src of initialScripts(dir, html)) total += zlib.gzipSync(fs.readFileSync(path.join(dir, src)), { level: 9 }).length;
  return total;
}

module.exports = { initialScripts, gzippedSize };
