/**
 * The Teams app package: a zip Teams accepts (filled manifest, real PNG icons of the right size,
 * a transparent white outline), and a plain refusal when the environment is incomplete.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, ICONS } from '../../scripts/make-icons.js';
import { buildTeamsPackage, TeamsPackageError } from '../../scripts/teams-package.js';

const APP_PACKAGE = fileURLToPath(new URL('../../appPackage', import.meta.url));
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const env = { MICROSOFT_APP_ID: APP_ID.toUpperCase(), BOT_DOMAIN: 'goesting.example.org', APP_VERSION: '1.4.2' };

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  pixels: Buffer;
}

/** Reads our own PNGs: checks signature and every chunk's CRC, inflates unfiltered RGBA rows. */
function readPng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const types: string[] = [];
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    expect(buf.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(buf.subarray(at + 4, at + 8 + length)));
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    types.push(type);
    at += length + 12;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const [width, height] = [buf.readUInt32BE(16), buf.readUInt32BE(20)];
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 4 + 1) * height);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    expect(raw[start], 'filter type').toBe(0);
    rows.push(raw.subarray(start + 1, start + 1 + width * 4));
  }
  return { width, height, bitDepth: buf[24] ?? -1, colorType: buf[25] ?? -1, pixels: Buffer.concat(rows) };
}

function unpack(zip: Uint8Array) {
  const files = unzipSync(zip);
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new Error('no manifest.json');
  return { files, text: strFromU8(manifestBytes), manifest: JSON.parse(strFromU8(manifestBytes)) as Record<string, unknown> & { bots: Array<Record<string, unknown>> } };
}

describe('buildTeamsPackage', () => {
  it('zips the filled manifest and both icons at the root', () => {
    const { files, text, manifest } = unpack(buildTeamsPackage(env, APP_PACKAGE));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(text).not.toContain('${{');
    expect(manifest).toMatchObject({
      manifestVersion: '1.19',
      id: APP_ID,
      version: '1.4.2',
      developer: { name: 'Goesting', websiteUrl: 'https://goesting.example.org' },
      name: { short: 'Goesting' },
      validDomains: ['goesting.example.org'],
    });
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false }),
    ]);
    const lists = manifest.bots[0]?.commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    for (const scope of ['personal', 'team']) {
      expect(lists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title)).toEqual(['new offer', 'new ask', 'my offers', 'stats', 'help']);
    }
    const description = manifest.description as { short: string; full: string };
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full.length).toBeLessThanOrEqual(4000);
  });

  it('defaults the version to package.json and builds the same bytes twice', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const withoutVersion = { ...env, APP_VERSION: '' };
    expect(unpack(buildTeamsPackage(withoutVersion, APP_PACKAGE)).manifest.version).toBe(pkg.version);
    expect(buildTeamsPackage(withoutVersion, APP_PACKAGE)).toEqual(buildTeamsPackage(withoutVersion, APP_PACKAGE));
  });

  it('ships real PNGs: 192×192 colour, 32×32 white outline on transparency', () => {
    const { files } = unpack(buildTeamsPackage(env, APP_PACKAGE));
    const color = readPng(files['color.png'] ?? new Uint8Array());
    expect(color).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    const outline = readPng(files['outline.png'] ?? new Uint8Array());
    expect(outline).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
    const alphas = [...outline.pixels].filter((_, i) => i % 4 === 3);
    expect(alphas).toContain(0);
    expect(alphas).toContain(255);
    const coloured = [...outline.pixels].filter((v, i) => i % 4 !== 3 && v !== 255);
    expect(coloured, 'outline pixels are all white').toEqual([]);
    // The committed icons are what scripts/make-icons.ts draws today.
    for (const [name, icon] of [['color.png', color], ['outline.png', outline]] as const) {
      expect(icon.pixels.equals(Buffer.from(ICONS[name].render())), `${name}: run npx tsx scripts/make-icons.ts`).toBe(true);
    }
  });

  it('computes CRC-32 like PNG and zip do', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.each([
    [{ ...env, MICROSOFT_APP_ID: undefined }, /^MICROSOFT_APP_ID is missing: expected .*GUID/],
    [{ ...env, MICROSOFT_APP_ID: 'my-bot' }, /^MICROSOFT_APP_ID is not valid/],
    [{ ...env, BOT_DOMAIN: '' }, /^BOT_DOMAIN is missing: expected .*host name/],
    [{ ...env, BOT_DOMAIN: 'https://goesting.example.org/api/messages' }, /^BOT_DOMAIN is not valid: expected .*no https:\/\//],
    [{ ...env, APP_VERSION: '1.0.0-beta' }, /^APP_VERSION is not valid: expected a version like 1\.2\.3/],
  ])('refuses %o with one line naming the variable', (bad, message) => {
    expect(() => buildTeamsPackage(bad, APP_PACKAGE)).toThrow(TeamsPackageError);
    expect(() => buildTeamsPackage(bad, APP_PACKAGE)).toThrow(message);
  });
});
