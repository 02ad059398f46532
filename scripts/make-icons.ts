/**
 * Draws the Teams app icons into `appPackage/` (`npx tsx scripts/make-icons.ts`): a white heart on
 * a rounded green square (color.png, 192×192) and the white heart alone on transparency
 * (outline.png, 32×32). Kept as code so the icons can be redrawn without an image editor.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as PNG requires) — written out so the generator needs nothing but Node. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** An 8-bit RGBA PNG (colour type 6), every row unfiltered: simple and valid. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The classic heart curve (x²+y²−1)³ ≤ x²y³, y pointing up; about 2.3 wide and 2.2 high. */
function inHeart(x: number, y: number): boolean {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

function inRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  return dx * dx + dy * dy <= radius * radius;
}

type Shape = (x: number, y: number) => boolean;

/** Share of a pixel a shape covers, from 4×4 samples: smooth edges without a drawing library. */
function coverage(shape: Shape, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

/** A heart centred in a `size` square, `scale` pixels per unit of the curve. */
function heart(size: number, scale: number): Shape {
  const cx = size / 2;
  const cy = size / 2 + 0.12 * scale; // the curve's box centre sits a little above its origin
  return (x, y) => inHeart((x - cx) / scale, (cy - y) / scale);
}

const GREEN = [0x1f, 0x8a, 0x4c] as const;

/** color.png: the brand green, rounded, with a white heart in Teams' central safe area. */
export function renderColorIcon(size = 192): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const square: Shape = (x, y) => inRoundedSquare(x, y, size, size * 0.22);
  const mark = heart(size, size * 0.22);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bg = coverage(square, x, y);
      const fg = coverage(mark, x, y);
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) pixels[o + k] = Math.round((GREEN[k] ?? 0) * (1 - fg) + 255 * fg);
      pixels[o + 3] = Math.round(255 * Math.max(bg, fg));
    }
  }
  return pixels;
}

/** outline.png: white only, shape in the alpha channel, as Teams requires for the outline icon. */
export function renderOutlineIcon(size = 32): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const mark = heart(size, size * 0.4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      pixels.set([255, 255, 255, Math.round(255 * coverage(mark, x, y))], o);
    }
  }
  return pixels;
}

export const ICONS = {
  'color.png': { size: 192, render: () => renderColorIcon(192) },
  'outline.png': { size: 32, render: () => renderOutlineIcon(32) },
} as const;

function main(): void {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  for (const [name, { size, render }] of Object.entries(ICONS)) {
    const file = path.join(dir, name);
    writeFileSync(file, encodePng(size, size, render()));
    process.stdout.write(`${path.relative(process.cwd(), file)} (${size}×${size})\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
