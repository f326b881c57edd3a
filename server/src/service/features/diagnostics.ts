import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
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
  let p = 0;
  return article.blocks.map((block) => {
    const severity = block.confident ? base : (Math.min(base + 1, DiagnosticSeverity.Hint) as DiagnosticSeverity);
    const range = blockRange(article, block);
    if (previous) {
      // Blocks come in line order: the previous diagnostic of this block, if any, is at or after p.
      while (p < previous.length && (previous[p].data as BoilerplateDiagnosticData).startLine < block.startLine) p++;
      const old = previous[p];
      if (old && sameAs(old, block, range, severity, message(block))) return old;
    }
    const data: BoilerplateDiagnosticData = { ...block };
    return {
      range,
      severity,
      code: diagnosticCode(block.kind),
      source: DIAGNOSTIC_SOURCE,
      message: message(block),
      data,
    };
  });
}

/** Whether `d` is what getDiagnostics would make of `block` now (the same range, severity, message and data). */
function sameAs(d: Diagnostic, block: BoilerplateBlock, range: Range, severity: DiagnosticSeverity, message: string): boolean {
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
  const { start, end } = d.range;
  return (
    start.line === range.start.line &&
    start.character === range.start.character &&
    end.line === range.end.line &&
    end.character === range.end.character
  );
}

export function blockRange(article: Article, block: BoilerplateBlock) {
  return article.lines.range(article.lines.starts[block.startLine], article.lines.lineEnd(block.endLine));
}
