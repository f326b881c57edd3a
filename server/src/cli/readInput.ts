/** Reading an input file for the CLI: every way it can fail becomes a clear, localised message. */
import * as fs from 'node:fs';
import type { Localize } from '../service/messages';
import { assessText, MAX_ARTICLE_CHARS } from '../service/index';

export type ReadResult =
  | { ok: true; text: string; bom: boolean; /** the encoding the bytes were decoded from, to write back in */ encoding: string }
  | { ok: false; message: string };

/** UTF-8 Chinese is three bytes a character: a text at the character limit is about this large. */
export const MAX_FILE_BYTES = MAX_ARTICLE_CHARS * 3;

function sniffBom(b: Uint8Array): { encoding: string; length: number } | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

export function readInput(file: string, encoding: string, t: Localize): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? t('cli.notFound', file) : t('cli.unreadable', file, code ?? String(e)) };
  }
  if (stat.isDirectory()) return { ok: false, message: t('cli.isDirectory', file) };
  if (stat.size > MAX_FILE_BYTES) return { ok: false, message: t('cli.tooManyBytes', file, count(stat.size), count(MAX_FILE_BYTES)) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, message: t('cli.unreadable', file, (e as NodeJS.ErrnoException).code ?? String(e)) };
  }
  // A byte order mark says the encoding, whatever --encoding says.
  const sniffed = sniffBom(bytes);
  const used = sniffed?.encoding ?? encoding;
  const body = bytes.subarray(sniffed?.length ?? 0);
  const bom = !!sniffed;
  let text: string;
  try {
    text = new TextDecoder(used, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, message: t('cli.invalidText', file, /^utf-?8$/i.test(used) ? 'UTF-8' : used) };
  }
  const problem = assessText(text);
  if (problem === 'binary') return { ok: false, message: t('cli.binary', file) };
  if (problem === 'tooLarge') return { ok: false, message: t('cli.tooManyChars', file, count(text.length), count(MAX_ARTICLE_CHARS)) };
  return { ok: true, text, bom, encoding: used };
}
