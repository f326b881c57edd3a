/**
 * The workspace's fine-tuned model on disk: finding the reviewed articles, turning them into training lines,
 * and reading and writing the overlay file `.news-annotator/model-delta.bin` in the workspace folder. Shared by
 * the server (News: Improve the Model from Reviewed Articles) and the CLI (`news-annotate learn`, `--model-delta`).
 *
 * Why the workspace folder rather than the extension's storage: the overlay belongs to the corpus it was learned
 * from, like the `.ann` files beside the articles; the CLI finds it there too, a team can share it, and deleting
 * the folder is a revert anyone can see.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeForMatching } from '../service/normalize';
import {
  decodeOverlay,
  distinctLines,
  encodeOverlay,
  trainingLines,
  type ModelOverlay,
  type TrainingLine,
} from '../service/entities/finetune';
import { FEATURE_VERSION } from '../service/entities/features';
import { modelFingerprint } from '../service/entities/tagger';
import { loadAnnotations } from './annotationStore';

export const OVERLAY_DIR = '.news-annotator';
export const OVERLAY_FILE = 'model-delta.bin';

export const overlayPath = (root: string) => path.join(root, OVERLAY_DIR, OVERLAY_FILE);

/** At most this many `.ann` files are looked at per call (as the workspace dictionary's scan). */
const MAX_SCANNED = 5000;

export interface ReviewedArticle {
  file: string;
  text: string;
  annotations: { start: number; end: number; label: string }[];
}

/**
 * The articles under `roots` (folders, or article files) that a person marked reviewed (*Accept All*): their
 * stored annotations, re-anchored if the article changed since. `textOf` gives an open editor's text first.
 */
export function reviewedArticles(
  roots: readonly string[],
  textOf: (file: string) => string | undefined = () => undefined,
): ReviewedArticle[] {
  const out: ReviewedArticle[] = [];
  const anns: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8 || anns.length > MAX_SCANNED) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (d.name.startsWith('.') || d.name === 'node_modules') continue;
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p, depth + 1);
      else if (d.name.endsWith('.ann')) anns.push(p);
    }
  };
  for (const r of roots) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(r);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(r, 0);
    else anns.push(r.replace(/\.(txt|news)$/i, '') + '.ann');
  }
  for (const ann of anns) {
    const stem = ann.slice(0, -'.ann'.length);
    const file = [`${stem}.txt`, `${stem}.news`].find((f) => fs.existsSync(f));
    if (!file) continue;
    let text = textOf(file);
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
    }
    const r = loadAnnotations(file, text);
    if (r.annotations.state !== 'reviewed') continue;
    out.push({ file, text, annotations: r.annotations.annotations });
  }
  return out;
}

/** Every line of the reviewed articles (each line once), as fine-tuning examples. */
export function linesOf(articles: readonly ReviewedArticle[]): TrainingLine[] {
  return distinctLines(articles.flatMap((a) => trainingLines(normalizeForMatching(a.text), a.annotations)));
}

/** Reads an overlay file: the overlay, or the reason it cannot be read (the file is left as it is). */
export function readOverlay(file: string): { overlay?: ModelOverlay; error?: string; missing?: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { missing: true };
  }
  try {
    return { overlay: decodeOverlay(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Writes the overlay atomically (a temporary file renamed over the old one), creating the folder. */
export function writeOverlay(file: string, overlay: ModelOverlay): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(tmp, encodeOverlay(overlay));
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * An overlay file checked against the shipped model without decoding it (its feature version and the fingerprint
 * of the model file): the overlay, or a message saying why it cannot be used.
 */
export function checkedOverlay(file: string, modelBytes: Uint8Array | undefined): { overlay: ModelOverlay } | { problem: string } {
  const r = readOverlay(file);
  if (r.missing) return { problem: 'file not found' };
  if (!r.overlay) return { problem: r.error ?? 'unreadable' };
  if (!modelBytes) return { problem: 'the shipped model is not available' };
  if (r.overlay.featureVersion !== FEATURE_VERSION)
    return { problem: `made for feature version ${r.overlay.featureVersion}, the model uses ${FEATURE_VERSION}: learn it again` };
  const fingerprint = modelFingerprint(modelBytes);
  if (r.overlay.model !== fingerprint)
    return { problem: `learned over another model (${r.overlay.model}, this one is ${fingerprint}): learn it again` };
  return { overlay: r.overlay };
}
