/**
 * The stdio writer's JSON encoder. It writes exactly what the stock encoder writes (`JSON.stringify` of the
 * message), but a publishDiagnostics notification is put together from each diagnostic's JSON, kept per diagnostic
 * object. The language service lends the previous version's diagnostic objects to the next version when they come
 * out the same (most of them after a keystroke), so a keystroke on a scraped page with hundreds of boilerplate
 * blocks serialises only the blocks it changed and copies the others' bytes, instead of serialising and encoding
 * the whole 280 KB payload again. Diagnostic objects are
 * never changed once made (the service builds new ones for what changed), which is what makes the kept JSON valid.
 *
 * Over IPC (VS Code) Node serialises the message itself, so this applies to stdio clients (Neovim, Helix, Emacs).
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

/** Each diagnostic's JSON as UTF-8 bytes, in a buffer of its own (not a slice of Node's shared pool, which it would pin). */
const pieces = new WeakMap<object, Buffer>();

/** How many diagnostics were serialised afresh (not taken from the kept pieces): what the tests count. */
export const encoderStats = { serialised: 0 };

function piece(d: object): Buffer {
  let bytes = pieces.get(d);
  if (bytes === undefined) {
    const json = JSON.stringify(d);
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
    bytes.write(json, 'utf8');
    pieces.set(d, bytes);
    encoderStats.serialised++;
  }
  return bytes;
}

const PUBLISH_HEAD = '{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":';

/** The params of a publishDiagnostics notification in the shape the server sends, or undefined for anything else. */
function publishParams(msg: Message): { uri: string; version?: number; diagnostics: object[] } | undefined {
  const m = msg as { jsonrpc?: unknown; method?: unknown; params?: unknown };
  if (m.method !== 'textDocument/publishDiagnostics' || m.jsonrpc !== '2.0') return undefined;
  const keys = Object.keys(m);
  if (keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'method' || keys[2] !== 'params') return undefined;
  const p = m.params as { uri?: unknown; version?: unknown; diagnostics?: unknown } | null;
  if (!p || typeof p !== 'object' || typeof p.uri !== 'string' || !Array.isArray(p.diagnostics)) return undefined;
  const pk = Object.keys(p);
  const plain =
    (pk.length === 2 && pk[0] === 'uri' && pk[1] === 'diagnostics') ||
    (pk.length === 3 && pk[0] === 'uri' && pk[1] === 'version' && pk[2] === 'diagnostics');
  if (!plain || (p.version !== undefined && typeof p.version !== 'number')) return undefined;
  for (const d of p.diagnostics) if (d === null || typeof d !== 'object' || Array.isArray(d)) return undefined;
  return p as { uri: string; version?: number; diagnostics: object[] };
}

const COMMA = Buffer.from(',');

/**
 * The message's JSON as UTF-8 bytes, equal to `Buffer.from(JSON.stringify(msg))`. A publishDiagnostics message is
 * the kept bytes of its diagnostics copied together: joining 969 strings and encoding 280 KB to UTF-8 cost more than
 * `JSON.stringify` itself.
 */
export function encodeMessage(msg: Message): Buffer {
  const p = publishParams(msg);
  if (!p) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
  const version = p.version === undefined ? '' : `,"version":${JSON.stringify(p.version)}`;
  const parts: Buffer[] = [Buffer.from(`${PUBLISH_HEAD}${JSON.stringify(p.uri)}${version},"diagnostics":[`, 'utf8')];
  for (let i = 0; i < p.diagnostics.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(piece(p.diagnostics[i]));
  }
  parts.push(Buffer.from(']}}'));
  return Buffer.concat(parts);
}

export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg: Message, options: ContentTypeEncoderOptions) => {
    try {
      return Promise.resolve(
        options.charset === 'utf-8' ? encodeMessage(msg) : Buffer.from(JSON.stringify(msg, undefined, 0), options.charset),
      );
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
