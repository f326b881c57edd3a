/**
 * The semantic token legend, declared once. `package.json` (`contributes.semanticTokenTypes`,
 * `semanticTokenModifiers`, `semanticTokenScopes`) repeats it for themes; a unit test checks the two agree.
 */
export const TOKEN_TYPES = ['person', 'organization', 'location', 'media', 'date'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** The built-in type each custom type falls back to, so that every theme colours them distinctly. */
export const TOKEN_SUPER_TYPES: Record<TokenType, string> = {
  person: 'class',
  organization: 'function',
  location: 'enumMember',
  media: 'keyword',
  date: 'number',
};

/** `reviewed` / `predicted`: whether a person confirmed the annotation (the annotation workflow). */
export const TOKEN_MODIFIERS = ['firstMention', 'relative', 'lowConfidence', 'reviewed', 'predicted'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];
