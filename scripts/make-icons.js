#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80/128.png): a blue rounded square with a white
 * check mark over three form lines. Written by hand with zlib because the icons are simple shapes
 * and no image library is otherwise needed; run it again only to change the design.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

// Supersampled so small sizes stay smooth.
function icon(x, y, s) {
  let cover = 0;
  let white = 0;
  const n = 4;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const u = (x - 0.5 + (i + 0.5) / n) / s;
      const v = (y - 0.5 + (j + 0.5) / n) / s;
      const r = 0.18;
      const qx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
      const qy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
      if (Math.hypot(qx, qy) > r) continue;
      cover++;
      const stroke = Math.max(0.075, 1.2 / s);
      const lines = [0.3, 0.46, 0.62].some((ly) => Math.abs(v - ly) < stroke / 2 && u > 0.2 && u < 0.55);
      const check = distToSegment(u, v, 0.45, 0.66, 0.58, 0.79) < stroke * 0.75 || distToSegment(u, v, 0.58, 0.79, 0.82, 0.42) < stroke * 0.75;
      if (lines || check) white++;
    }
  const a = cover / (n * n);
  const w = cover ? white / cover : 0;
  const blue = [15, 108, 189];
  return [Math.round(blue[0] + (255 - blue[0]) * w), Math.round(blue[1] + (255 - blue[1]) * w), Math.round(blue[2] + (255 - blue[2]) * w), Math.round(a * 255)];
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size, icon));
console.log("已生成 assets/icon-{16,32,64,80,128}.png");
