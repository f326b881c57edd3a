/**
 * Writing a text file back as it was read: same encoding, same byte order mark, atomically
 * (a temporary file beside it, then rename), so a failure leaves the original whole.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

/** Reverse tables of legacy encodings, built from the platform's own decoder so the two always agree. */
const reverseTables = new Map<string, Map<string, number[]>>();

function reverseTable(encoding: string): Map<string, number[]> {
  let table = reverseTables.get(encoding);
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder(encoding);
  for (let b = 0; b < 0x100; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [b]);
  }
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length >= 1 && !ch.includes('\uFFFD') && [...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  reverseTables.set(encoding, table);
  return table;
}

/** The bytes of text in encoding, or undefined when a character has no encoding there (checked by decoding back). */
export function encodeText(text: string, encoding: string, bom: boolean): Buffer | undefined {
  const name = encoding.toLowerCase().replace(/^utf8$/, 'utf-8');
  let body: Buffer;
  if (name === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (name === 'utf-16le') body = Buffer.from(text, 'utf16le');
  else if (name === 'utf-16be') body = Buffer.from(text, 'utf16le').swap16();
  else {
    const table = reverseTable(name);
    const out: number[] = [];
    for (const ch of text) {
      const code = table.get(ch);
      if (!code) return undefined;
      out.push(...code);
    }
    body = Buffer.from(out);
  }
  if (new TextDecoder(name, { ignoreBOM: true }).decode(body) !== text) return undefined;
  return bom && BOMS[name] ? Buffer.concat([Buffer.from(BOMS[name]), body]) : body;
}

export type WriteProblem = { reason: 'readOnly' } | { reason: 'failed'; code: string };

/**
 * Replaces (or creates) file with bytes through a temporary file and a rename, keeping its mode.
 * A file the user may not write is refused rather than replaced (rename would bypass its mode).
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): WriteProblem | undefined {
  let target = file;
  let mode = 0o644;
  try {
    if (fs.existsSync(file)) {
      target = fs.realpathSync(file);
      mode = fs.statSync(target).mode & 0o7777;
      fs.accessSync(target, fs.constants.W_OK);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? { reason: 'readOnly' } : { reason: 'failed', code };
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    return undefined;
  } catch (e) {
    fs.rmSync(temp, { force: true });
    return { reason: 'failed', code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
