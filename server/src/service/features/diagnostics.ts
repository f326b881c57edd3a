import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { kindLabel, type Localize } from '../messages';
import { DIAGNOSTIC_SOURCE, diagnosticCode, type NewsAnnotatorSettings } from '../contract';
import type { BoilerplateBlock } from '../types';

/** What a code action needs to rebuild the fix without re-running detection. */
export interface BoilerplateDiagnosticData {
  kind: BoilerplateBlock['kind'];
  startLine: number;
  endLine: number;
  confident: boolean;
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * One diagnostic per boilerplate block; unsure blocks one step milder. `previous` (the last version's answer for the
 * same document) lends the diagnostics that come out the same, so a keystroke does not rebuild hundreds of equal
 * objects.
 */
export function getDiagnostics(
  article: Article,
  settings: NewsAnnotatorSettings,
  t: Localize,
  previous?: readonly Diagnostic[],
): Diagnostic[] {
  const base = SEVERITY[settings.boilerplate.severity];
  // One message per kind and certainty: a scraped page has hundreds of blocks, and this runs on every version.
  const messages = new Map<string, string>();
  const message = (block: BoilerplateBlock) => {
    const key = `${block.kind}:${block.confident}`;
    let m = messages.get(key);
    if (m === undefined) messages.set(key, (m = t(block.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, block.kind))));
    return m;
  };
  const { lines } = article;
  let p = 0;
  return article.blocks.map((block) => {
    const severity = block.confident ? base : (Math.min(base + 1, DiagnosticSeverity.Hint) as DiagnosticSeverity);
    if (previous) {
      // Blocks come in line order: the previous diagnostic of this block, if any, is at or after p.
      while (p < previous.length && (previous[p].data as BoilerplateDiagnosticData).startLine < block.startLine) p++;
      const old = previous[p];
      if (old && sameAs(old, block, severity, message(block), lines)) return old;
    }
    const data: BoilerplateDiagnosticData = { ...block };
    return {
      range: blockRange(article, block),
      severity,
      code: diagnosticCode(block.kind),
      source: DIAGNOSTIC_SOURCE,
      message: message(block),
      data,
    };
  });
}

/** Whether `d` is what getDiagnostics would make of `block` now (the same range, severity, message and data). */
function sameAs(d: Diagnostic, block: BoilerplateBlock, severity: DiagnosticSeverity, message: string, lines: Article['lines']): boolean {
  const data = d.data as BoilerplateDiagnosticData;
  if (
    data.startLine !== block.startLine ||
    data.endLine !== block.endLine ||
    data.kind !== block.kind ||
    data.confident !== block.confident ||
    d.severity !== severity ||
    d.message !== message ||
    d.code !== diagnosticCode(block.kind) ||
    d.source !== DIAGNOSTIC_SOURCE
  )
    return false;
  const from = lines.starts[block.startLine];
  const to = lines.lineEnd(block.endLine);
  const startLine = lines.lineAt(from);
  const endLine = lines.lineAt(to);
  const { start, end } = d.range;
  return (
    start.line === startLine &&
    start.character === from - lines.starts[startLine] &&
    end.line === endLine &&
    end.character === to - lines.starts[endLine]
  );
}

export function blockRange(article: Article, block: BoilerplateBlock) {
  return article.lines.range(article.lines.starts[block.startLine], article.lines.lineEnd(block.endLine));
}
