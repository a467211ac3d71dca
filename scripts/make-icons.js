#!/usr/bin/env node
// Draws the add-in's icons (a rising bar chart on the brand colour) and writes them to assets/ as PNGs.
// A tiny PNG encoder on top of zlib keeps this free of image dependencies; the PNGs are committed, so this
// only needs running again when the design changes:  node scripts/make-icons.js
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BRAND = [0x1f, 0x4e, 0x79]; // dark blue, reads well on Office's light and dark ribbons
const BAR = [0xff, 0xff, 0xff];
const ACCENT = [0xf2, 0xb7, 0x05]; // the tallest bar: the "target" the assessment works towards
const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4; // 4x4 samples per pixel to anti-alias the rounded corners

// Bar tops as fractions of the icon; all bars share one baseline. Widths and gaps are whole pixels per size
// so that every bar has the same width and the 16 px icon stays crisp instead of turning into a blur.
const BAR_TOPS = [0.58, 0.4, 0.2];
const BAR_WIDTH = 0.16;
const BAR_GAP = 0.07;
const BASELINE = 0.8;

function draw(size) {
  const px = (f) => Math.round(f * size);
  const radius = size * 0.18;
  const width = px(BAR_WIDTH);
  const gap = Math.max(1, px(BAR_GAP));
  const left = Math.floor((size - (BAR_TOPS.length * width + (BAR_TOPS.length - 1) * gap)) / 2);
  const bars = BAR_TOPS.map((top, i) => ({
    l: left + i * (width + gap),
    r: left + i * (width + gap) + width,
    t: px(top),
    colour: i === BAR_TOPS.length - 1 ? ACCENT : BAR,
  }));
  const base = px(BASELINE);

  const insideBackground = (x, y) => {
    // Rounded square: inside unless within a corner's square and outside its circle.
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (insideBackground(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE)) covered++;
        }
      }
      const bar = bars.find((b) => x >= b.l && x < b.r && y >= b.t && y < base);
      const [r, g, b] = bar ? bar.colour : BRAND;
      const i = (y * size + x) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round((255 * covered) / SUPERSAMPLE ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // bytes 10-12: compression, filter and interlace methods, all 0
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4)); // filter type 0 per row
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
