/** Checks of positions and ranges that arrive from a client: LSP says uinteger line and character. */

const MAX_UINT = 2 ** 31 - 1;
const isUint = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_UINT;

export function validPosition(p: unknown): p is { line: number; character: number } {
  return typeof p === 'object' && p !== null && isUint((p as { line?: unknown }).line) && isUint((p as { character?: unknown }).character);
}

export function validRange(r: unknown): r is { start: { line: number; character: number }; end: { line: number; character: number } } {
  return (
    typeof r === 'object' && r !== null && validPosition((r as { start?: unknown }).start) && validPosition((r as { end?: unknown }).end)
  );
}
