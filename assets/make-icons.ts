/**
 * Draws the add-in icons (16, 32, 64, 80 px PNG): a rising bar chart and a
 * gold coin on a Fluent-blue rounded square. Pure Node (zlib), 4×4
 * supersampled for smooth edges. Run: npx tsx assets/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

type RGBA = readonly [number, number, number, number];
const BLUE: RGBA = [15, 108, 189, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const GOLD: RGBA = [242, 200, 17, 255];
const GOLD_EDGE: RGBA = [196, 150, 0, 255];

/** Colour of the design at (x, y) in unit coordinates (0..1), or null for transparent. */
function shade(x: number, y: number): RGBA | null {
  // Rounded square.
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // Coin, top right.
  const cx = 0.7;
  const cy = 0.3;
  const d = Math.hypot(x - cx, y - cy);
  if (d < 0.17) return d > 0.13 ? GOLD_EDGE : GOLD;
  // Three rising bars, bottom left.
  const bars = [
    { x0: 0.16, x1: 0.3, top: 0.62 },
    { x0: 0.36, x1: 0.5, top: 0.5 },
    { x0: 0.56, x1: 0.7, top: 0.56 },
  ];
  for (const b of bars) if (x >= b.x0 && x <= b.x1 && y >= b.top && y <= 0.84) return WHITE;
  // Baseline.
  if (y > 0.84 && y < 0.88 && x > 0.12 && x < 0.88) return WHITE;
  return BLUE;
}

function render(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3];
      raw[o] = a ? Math.round(acc[0] / a) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / a) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return png(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) writeFileSync(join(__dirname, `icon-${size}.png`), render(size));
