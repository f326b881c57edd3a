/**
 * The language server's side of the annotation workflow: each open article's stored annotations, kept in
 * step with edits (every LSP content change, in order), saved beside the article, and the workspace's
 * dictionary of confirmed and rejected names. The review logic itself is the pure service's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  accept,
  acceptAll,
  applyChange,
  buildDictionary,
  countByLabel,
  emptyAnnotations,
  emptyDictionary,
  mark,
  markEverywhere,
  parseMeta,
  reanchor,
  reject,
  rejectEverywhere,
  textHash,
  type Annotation,
  type ArticleAnnotations,
  type NameDictionary,
} from '../service/annotations';
import type { ReviewContext } from '../service/features/review';
import { annotationAt } from '../service/features/review';
import { LineIndex } from '../service/text';
import type { AnnotateArgs, ArticleReviewStatus } from '../protocol';
import { annPath, loadAnnotations, metaPath, saveAnnotations } from './annotationStore';
import { labelFromName } from '../service/annotations/brat';

const filePath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

export interface SessionHost {
  warn(message: string): void;
  error(message: string): void;
  /** Something the tokens, hovers or code actions show changed. */
  changed(uri: string): void;
  localize: (id: 'annot.moved' | 'annot.orphaned' | 'annot.problem' | 'annot.saveFailed', ...args: (string | number)[]) => string;
}

interface Entry {
  file: string;
  stored: ArticleAnnotations;
  /** The text the stored offsets refer to. */
  text: string;
  dirty: boolean;
}

const MAX_SCANNED = 5000;

export class AnnotationSession {
  private readonly open = new Map<string, Entry>();
  /** Decisions of articles not open, read once from the workspace: file -> annotations and rejections. */
  private readonly onDisk = new Map<string, Pick<ArticleAnnotations, 'annotations' | 'rejected'>>();
  private dict: NameDictionary | undefined;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly host: SessionHost) {}

  reviewer(): string {
    try {
      return os.userInfo().username;
    } catch {
      return process.env.USER ?? process.env.USERNAME ?? 'unknown';
    }
  }

  /** Loads the article's annotations (re-anchoring them if the article changed since), and says what moved or was lost. */
  openDocument(doc: TextDocument): void {
    const file = filePath(doc.uri);
    if (!file) return;
    const text = doc.getText();
    const r = loadAnnotations(file, text);
    const name = path.basename(file);
    for (const p of r.problems) this.host.warn(this.host.localize('annot.problem', name, p));
    if (r.moved) this.host.warn(this.host.localize('annot.moved', name, r.moved));
    if (r.orphaned.length)
      this.host.warn(this.host.localize('annot.orphaned', name, r.orphaned.length, r.orphaned.map((o) => o.text).join('、')));
    this.open.set(doc.uri, { file, stored: r.annotations, text, dirty: r.moved > 0 || r.orphaned.length > 0 });
    this.onDisk.delete(file);
    this.dict = undefined;
    if (r.exists) this.host.changed(doc.uri);
  }

  closeDocument(uri: string): void {
    const e = this.open.get(uri);
    if (!e) return;
    this.flush(uri);
    this.open.delete(uri);
    if (e.stored.annotations.length || e.stored.rejected.length) this.onDisk.set(e.file, e.stored);
  }

  /**
   * Follows the content changes of one didChange, in order (each change's range is in the text left by the
   * previous one). Returns nothing: the stored set is updated and saved after a pause.
   */
  track(uri: string, before: string, changes: readonly TextDocumentContentChangeEvent[]): void {
    const e = this.open.get(uri);
    if (!e || (!e.stored.annotations.length && !e.stored.rejected.length)) {
      if (e) e.text = applyAll(before, changes);
      return;
    }
    let text = before;
    let stored = e.stored;
    for (const c of changes) {
      if (!('range' in c) || !c.range) {
        stored = reanchor(stored, c.text, textHash(c.text)).next;
        text = c.text;
        continue;
      }
      const lines = new LineIndex(text);
      const start = lines.offsetAt(c.range.start);
      const end = lines.offsetAt(c.range.end);
      const after = text.slice(0, start) + c.text + text.slice(end);
      stored = applyChange(stored, { start, end, text: c.text }, after).next;
      text = after;
    }
    e.stored = stored;
    e.text = text;
    e.dirty = true;
    this.dict = undefined;
    this.scheduleSave();
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      for (const uri of this.open.keys()) this.flush(uri);
    }, 1000);
  }

  flush(uri: string): void {
    const e = this.open.get(uri);
    if (!e || !e.dirty) return;
    try {
      saveAnnotations(e.file, e.text, e.stored);
      e.dirty = false;
    } catch (err) {
      this.host.error(this.host.localize('annot.saveFailed', path.basename(e.file), (err as Error).message));
    }
  }

  stored(uri: string): ArticleAnnotations | undefined {
    return this.open.get(uri)?.stored;
  }

  /** For an article that may not be open: its decisions as stored on disk against `text`. */
  reviewForText(uri: string, text: string): ReviewContext {
    const file = filePath(uri);
    if (this.open.has(uri) || !file) return this.reviewFor(uri);
    return { stored: loadAnnotations(file, text).annotations, dictionary: this.dictionary() };
  }

  reviewFor(uri: string): ReviewContext {
    return { stored: this.open.get(uri)?.stored ?? emptyAnnotations(), dictionary: this.dictionary() };
  }

  /** The workspace's names: every open article's decisions and those read from disk. */
  dictionary(): NameDictionary {
    if (!this.dict) {
      const sets = [...this.onDisk.values(), ...[...this.open.values()].map((e) => e.stored)];
      this.dict = sets.length ? buildDictionary(sets) : emptyDictionary();
    }
    return this.dict;
  }

  /** Reads the decisions stored anywhere in the workspace (for the dictionary), without the article texts. */
  scanWorkspace(roots: readonly string[]): void {
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > 8 || seen > MAX_SCANNED) return;
      let names: fs.Dirent[];
      try {
        names = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const d of names) {
        if (d.name.startsWith('.') || d.name === 'node_modules') continue;
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p, depth + 1);
        else if (d.name.endsWith('.ann')) {
          seen++;
          const file = p.replace(/\.ann$/, '.txt');
          if (![...this.open.values()].some((e) => e.file === file)) this.onDisk.set(file, readDecisions(p));
        }
      }
    };
    for (const r of roots) walk(r, 0);
    this.dict = undefined;
  }

  /** Runs one review action against the article's current annotations; returns whether anything changed. */
  execute(args: AnnotateArgs, doc: TextDocument, current: readonly Annotation[]): boolean {
    const e = this.open.get(doc.uri);
    if (!e) return false;
    const text = doc.getText();
    const lines = new LineIndex(text);
    const from = args.range ? lines.offsetAt(args.range.start) : 0;
    const to = args.range ? lines.offsetAt(args.range.end) : 0;
    const who = { by: this.reviewer(), at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    const target = annotationAt(current, from);
    let next = e.stored;
    const label = args.label ? labelFromName(args.label) : undefined;
    switch (args.action) {
      case 'mark': {
        if (!label) return false;
        // No selection: the annotation under the cursor changes type.
        if (to <= from) {
          if (!target || target.label === 'DATE' || label === 'DATE') return false;
          next = mark(next, text, target, label, who);
          break;
        }
        const value = args.value ?? (label === 'DATE' ? current.find((a) => a.start === from && a.end === to)?.value : undefined);
        next = args.everywhere
          ? markEverywhere(next, text, text.slice(from, to), label, who, value)
          : mark(next, text, { start: from, end: to }, label, who, value);
        break;
      }
      case 'reject':
        if (!target) return false;
        next = args.everywhere ? rejectEverywhere(next, current, target.text) : reject(next, target);
        break;
      case 'accept':
        if (!target) return false;
        next = accept(next, [target], who);
        break;
      case 'acceptAll':
        next = acceptAll(next, current, who);
        break;
      case 'setValue':
        if (!target || target.label !== 'DATE' || !args.value) return false;
        next = mark(next, text, target, 'DATE', who, args.value);
        break;
      default:
        return false;
    }
    e.stored = next;
    e.text = text;
    e.dirty = true;
    this.dict = undefined;
    this.flush(doc.uri);
    this.host.changed(doc.uri);
    return true;
  }

  /**
   * Changes the stored decisions of an article that may not be open (apply to every occurrence in the workspace,
   * and its undo): an open one in memory, saved at once; another read from disk against `text` and written back.
   * Returns the decisions as they were, for the undo.
   */
  changeArticle(uri: string, text: string, change: (stored: ArticleAnnotations) => ArticleAnnotations): ArticleAnnotations | undefined {
    const file = filePath(uri);
    if (!file) return undefined;
    const e = this.open.get(uri);
    const before = e ? e.stored : loadAnnotations(file, text).annotations;
    const next = change(before);
    if (next === before) return before;
    if (e) {
      e.stored = next;
      e.text = text;
      e.dirty = true;
      this.flush(uri);
      this.host.changed(uri);
    } else {
      try {
        saveAnnotations(file, text, next);
      } catch (err) {
        this.host.error(this.host.localize('annot.saveFailed', path.basename(file), (err as Error).message));
        return undefined;
      }
      this.onDisk.set(file, next);
      this.host.changed(uri);
    }
    this.dict = undefined;
    return before;
  }

  /** The corpus view's line for an article: open ones from memory, others from disk. */
  status(uri: string, annotations: readonly Annotation[], boilerplate: number): ArticleReviewStatus {
    const e = this.open.get(uri);
    const file = filePath(uri);
    let stored = e?.stored;
    if (!stored && file) {
      const metaText = readIf(metaPath(file));
      const meta = metaText ? parseMeta('', metaText).meta : undefined;
      stored = {
        ...emptyAnnotations(),
        ...(meta ?? {}),
        state: meta?.state ?? (fs.existsSync(annPath(file)) ? 'in-progress' : 'not-started'),
      };
    }
    return {
      uri,
      state: stored?.state ?? 'not-started',
      counts: countByLabel(annotations),
      reviewedCount: annotations.filter((a) => a.status !== 'predicted').length,
      boilerplate,
      orphans: stored?.orphans.length ?? 0,
    };
  }
}

function applyAll(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  for (const c of changes) {
    if (!('range' in c) || !c.range) {
      text = c.text;
      continue;
    }
    const lines = new LineIndex(text);
    text = text.slice(0, lines.offsetAt(c.range.start)) + c.text + text.slice(lines.offsetAt(c.range.end));
  }
  return text;
}

const readIf = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Labels, texts and statuses of a `.ann` and the rejected texts of its sidecar: enough for the dictionary. */
function readDecisions(ann: string): Pick<ArticleAnnotations, 'annotations' | 'rejected'> {
  const annotations: Annotation[] = [];
  const status = new Map<string, string>();
  const lines = (readIf(ann) ?? '').split(/\r?\n/);
  for (const l of lines) {
    const m = /^#\S*\tAnnotatorNotes (\S+)\t.*\bstatus=(\w+)/.exec(l);
    if (m) status.set(m[1], m[2]);
  }
  for (const l of lines) {
    const f = l.split('\t');
    const label = f[0].startsWith('T') && f[2] ? labelFromName((f[1] ?? '').split(' ')[0]) : undefined;
    if (!label) continue;
    const st = status.get(f[0]);
    annotations.push({
      start: 0,
      end: 0,
      label,
      text: f[2],
      status: st === 'predicted' ? 'predicted' : st === 'accepted' ? 'accepted' : 'corrected',
    });
  }
  const meta = readIf(`${ann}.json`);
  let rejected: ArticleAnnotations['rejected'] = [];
  if (meta) {
    try {
      const raw = JSON.parse(meta) as { rejected?: { text?: unknown; label?: unknown }[] };
      rejected = (raw.rejected ?? [])
        .filter((r) => typeof r.text === 'string')
        .map((r) => ({ start: 0, end: 0, text: r.text as string, label: labelFromName(String(r.label)) ?? 'ORG' }));
    } catch {
      // A broken sidecar only loses its rejections for the dictionary; opening the article reports it.
    }
  }
  return { annotations, rejected };
}
