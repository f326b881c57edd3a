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

/** One diagnostic per boilerplate block; unsure blocks one step milder. */
export function getDiagnostics(article: Article, settings: NewsAnnotatorSettings, t: Localize): Diagnostic[] {
  const base = SEVERITY[settings.boilerplate.severity];
  // One message per kind and certainty: a scraped page has hundreds of blocks, and this runs on every version.
  const messages = new Map<string, string>();
  const message = (block: BoilerplateBlock) => {
    const key = `${block.kind}:${block.confident}`;
    let m = messages.get(key);
    if (m === undefined) messages.set(key, (m = t(block.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, block.kind))));
    return m;
  };
  return article.blocks.map((block) => {
    const data: BoilerplateDiagnosticData = { ...block };
    return {
      range: blockRange(article, block),
      severity: block.confident ? base : (Math.min(base + 1, DiagnosticSeverity.Hint) as DiagnosticSeverity),
      code: diagnosticCode(block.kind),
      source: DIAGNOSTIC_SOURCE,
      message: message(block),
      data,
    };
  });
}

export function blockRange(article: Article, block: BoilerplateBlock) {
  return article.lines.range(article.lines.starts[block.startLine], article.lines.lineEnd(block.endLine));
}
