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
  // One message per kind and certainty: a scraped page has hundreds of blocks, and this runs on every version (two
  // maps by kind rather than a key string made per block).
  const sure = new Map<BoilerplateBlock['kind'], string>();
  const unsure = new Map<BoilerplateBlock['kind'], string>();
  const message = (block: BoilerplateBlock) => {
    const messages = block.confident ? sure : unsure;
    let m = messages.get(block.kind);
    if (m === undefined) messages.set(block.kind, (m = t(block.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, block.kind))));
    return m;
  };
  const { lines } = article;
  let p = 0;
  return article.blocks.map((block) => {
    const severity = block.confident ? base : (Math.min(base + 1, DiagnosticSeverity.Hint) as DiagnosticSeverity);
    // The range's end character, compared before any range is made: most blocks are lent after a keystroke.
    const endCharacter = blockEndCharacter(lines, block);
    if (previous) {
      // Blocks come in line order: the previous diagnostic of this block, if any, is at or after p.
      while (p < previous.length && (previous[p].data as BoilerplateDiagnosticData).startLine < block.startLine) p++;
      const old = previous[p];
      if (old && sameAs(old, block, endCharacter, severity, message(block))) return old;
    }
    const data: BoilerplateDiagnosticData = { ...block };
    return {
      range: rangeTo(block, endCharacter),
      severity,
      code: diagnosticCode(block.kind),
      source: DIAGNOSTIC_SOURCE,
      message: message(block),
      data,
    };
  });
}

/**
 * Whether `d` is what getDiagnostics would make of `block` now: the same severity, message and data, and the range
 * blockRange gives (from the start of the block's first line to `endCharacter` of its last).
 */
function sameAs(d: Diagnostic, block: BoilerplateBlock, endCharacter: number, severity: DiagnosticSeverity, message: string): boolean {
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
  return start.line === block.startLine && start.character === 0 && end.line === block.endLine && end.character === endCharacter;
}

/**
 * From the start of the block's first line to the end of its last, without the line break: what
 * `article.lines.range(starts[startLine], lineEnd(endLine))` gives, without its two searches for the lines.
 */
export function blockRange(article: Article, block: BoilerplateBlock): Range {
  return rangeTo(block, blockEndCharacter(article.lines, block));
}

/** The character where the block's last line ends (before its line break). */
function blockEndCharacter(lines: Article['lines'], block: BoilerplateBlock): number {
  return lines.lineEnd(block.endLine) - lines.starts[block.endLine];
}

function rangeTo(block: BoilerplateBlock, endCharacter: number): Range {
  return { start: { line: block.startLine, character: 0 }, end: { line: block.endLine, character: endCharacter } };
}
