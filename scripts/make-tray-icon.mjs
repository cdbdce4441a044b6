// Draws the tray icon (a rising chart line) into resources/ as PNG, with node:zlib only, so the
// icon needs no image tools and no downloads. Run: node scripts/make-tray-icon.mjs
// - tray.png / tray@2x.png: blue tile, white line (Windows, Linux);
// - trayTemplate.png / trayTemplate@2x.png: black line on transparent, which macOS tints for
//   light and dark menu bars (the "Template" suffix tells it to);
// - icon.png: the same tile at 512px, the app icon electron-builder turns into each OS's format.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (size × size × 4) → PNG bytes. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function distance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

// The chart line in a 16-unit box: up, dip, up.
const LINE = [[2.5, 12.5], [6, 8], [9, 10], [13.5, 3.5]];

function draw(size, template) {
  const scale = size / 16;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = [(x + 0.5) / scale, (y + 0.5) / scale];
      const d = Math.min(...LINE.slice(1).map((b, i) => distance(p, LINE[i], b)));
      const line = Math.max(0, Math.min(1, 1.6 - d)); // ~1.2 units wide, antialiased
      const i = (y * size + x) * 4;
      if (template) {
        px.set([0, 0, 0, Math.round(line * 255)], i);
      } else {
        const edge = Math.min(p[0], p[1], 16 - p[0], 16 - p[1]);
        const tile = Math.max(0, Math.min(1, edge * scale)); // full square tile, soft edge
        const [r, g, b] = [37, 99, 235].map((c) => Math.round(c + (255 - c) * line));
        px.set([r, g, b, Math.round(tile * 255)], i);
      }
    }
  }
  return png(size, px);
}

const out = new URL('../resources/', import.meta.url);
for (const [name, size, template] of [['tray.png', 16, false], ['tray@2x.png', 32, false], ['trayTemplate.png', 16, true], ['trayTemplate@2x.png', 32, true], ['icon.png', 512, false]]) {
  writeFileSync(new URL(name, out), draw(size, template));
}
