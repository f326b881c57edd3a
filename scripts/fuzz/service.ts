/** The pure service over mutated articles: no throw, spans and exports slice to the text, fixes remove whole lines only. */
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { removeBlocks } from '../../server/src/service/edits';
import { removableBlocks } from '../../server/src/service/features/codeActions';
import { createLanguageService, type LanguageService } from '../../server/src/service/index';
import { LineIndex } from '../../server/src/service/text';
import { loadNerModel } from '../../server/src/node/model';
import {
  applyChecked,
  checkExport,
  checkSpans,
  errorText,
  inputRng,
  isLineSubsequence,
  mutatedArticle,
  type Report,
  type Rng,
} from './common';

let service: LanguageService | undefined;

const editsOf = (edit: WorkspaceEdit | null | undefined): TextEdit[] => {
  if (!edit) return [];
  const changes = (edit.documentChanges ?? []) as { edits: TextEdit[] }[];
  return [...changes.flatMap((c) => c.edits), ...Object.values(edit.changes ?? {}).flat()];
};

function randomPosition(rng: Rng, lines: LineIndex) {
  const line = rng.int(lines.lineCount + 2);
  return { line, character: rng.int(rng.chance(0.8) ? 40 : 5000) };
}

/** One input; returns a problem (violation) or undefined. Throws on a crash. */
export function serviceCase(rng: Rng, index: number): string | undefined {
  service ??= createLanguageService({ recognizer: createEntityRecognizer({ model: loadNerModel() }) });
  const text = mutatedArticle(rng);
  const doc = { uri: `untitled:fuzz-${index}`, version: 1, getText: () => text };
  const lines = new LineIndex(text);
  try {
    const article = service.analyse(doc);
    const spanProblem = checkSpans(text, article.entities) ?? checkSpans(text, article.dates);
    if (spanProblem) return spanProblem;
    const exported = checkExport(text, service.exportAnnotations(doc, 'fuzz.txt'));
    if (exported) return exported;
    const cleaned = removeBlocks(text, removableBlocks(article));
    if (!isLineSubsequence(text, cleaned)) return 'clean output is not a line subsequence of the input';
    const tokens = service.semanticTokens(doc).data;
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.length; i += 5) {
      line += tokens[i];
      char = tokens[i] ? tokens[i + 1] : char + tokens[i + 1];
      if (line >= lines.lineCount || tokens[i + 2] <= 0 || lines.starts[line] + char + tokens[i + 2] > lines.lineEnd(line)) {
        return `semantic token ${i / 5} outside its line (${line}:${char}+${tokens[i + 2]})`;
      }
    }
    const diagnostics: Diagnostic[] = service.diagnostics(doc);
    const all = removeAllCheck(text, service.removeAllBoilerplate(doc)?.edit);
    if (all) return `remove all: ${all}`;
    for (const d of diagnostics.slice(0, 6)) {
      const actions = service.codeActions(doc, d.range, { diagnostics: [d] }) as CodeAction[];
      for (const a of actions) {
        const problem = removeAllCheck(text, a.edit);
        if (problem) return `code action "${a.title}": ${problem}`;
      }
    }
    const range = { start: randomPosition(rng, lines), end: randomPosition(rng, lines) };
    if (range.end.line < range.start.line) [range.start, range.end] = [range.end, range.start];
    for (const a of service.codeActions(doc, range, {
      diagnostics,
      only: rng.chance(0.5) ? ['source.fixAll'] : undefined,
    }) as CodeAction[]) {
      const problem = removeAllCheck(text, a.edit);
      if (problem) return `code action "${a.title}" on a random range: ${problem}`;
    }
    for (let k = 0; k < 5; k++) {
      const p = randomPosition(rng, lines);
      service.hover(doc, p);
      service.references(doc, p);
      service.documentHighlights(doc, p);
    }
    service.documentSymbols(doc);
    service.foldingRanges(doc);
    service.inlayHints(doc, range);
    const converted = applyChecked(
      text,
      editsOf(
        service.convert(doc, rng.pick(['simplified', 'traditional', 'taiwan', 'hongkong'] as const), rng.chance(0.3) ? range : undefined),
      ),
    );
    if ('problem' in converted) return `convert: ${converted.problem}`;
    return undefined;
  } finally {
    service.close(doc.uri);
  }
}

/** A removal edit: valid, not overlapping, and what it leaves is a line subsequence of the text. */
function removeAllCheck(text: string, edit: WorkspaceEdit | null | undefined): string | undefined {
  const applied = applyChecked(text, editsOf(edit));
  if ('problem' in applied) return applied.problem;
  return isLineSubsequence(text, applied.text) ? undefined : 'the fix leaves text that is not a line subsequence of the input';
}

export function fuzzService(report: Report, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    report.count('service');
    try {
      const problem = serviceCase(inputRng(report.seed, 'service', i), i);
      if (problem) report.violation('service', i, problem);
    } catch (e) {
      report.crash('service', i, errorText(e));
    }
  }
}
