/** Reading an input file for the CLI: every way it can fail becomes a clear, localised message. */
import * as fs from 'node:fs';
import type { Localize } from '../service/messages';
import { assessText, MAX_ARTICLE_CHARS } from '../service/index';

export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; message: string };

const MAX_BYTES = MAX_ARTICLE_CHARS * 3;

export function readInput(file: string, encoding: string, t: Localize): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? t('cli.notFound', file) : t('cli.unreadable', file, code ?? String(e)) };
  }
  if (stat.isDirectory()) return { ok: false, message: t('cli.isDirectory', file) };
  if (stat.size > MAX_BYTES) return { ok: false, message: t('cli.tooLarge', file, Math.round(MAX_BYTES / 1e6)) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, message: t('cli.unreadable', file, (e as NodeJS.ErrnoException).code ?? String(e)) };
  }
  let text: string;
  let bom = false;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else {
      bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    }
  } catch {
    return { ok: false, message: t('cli.invalidUtf8', file) };
  }
  const problem = assessText(text);
  if (problem === 'binary') return { ok: false, message: t('cli.binary', file) };
  if (problem === 'tooLarge') return { ok: false, message: t('cli.tooLarge', file, Math.round(MAX_BYTES / 1e6)) };
  return { ok: true, text, bom };
}
