// A request body's bytes as text. Fastify decoded every body as UTF-8 and put U+FFFD where the
// bytes were not UTF-8, so two events whose ids differed only in a Latin-1 "é" and "è" became one
// id, and the second was counted a duplicate: an event lost. Now a body that is not UTF-8 is a
// 400 that says at which byte, unless its Content-Type names the charset it is in.
import { firstInvalidUtf8 } from '../common/utf8';

/** Charsets a client may name (besides UTF-8); the WHATWG Encoding Standard's labels. */
const LABELS = new Set(['iso-8859-1', 'latin1', 'iso8859-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii', 'iso-8859-15', 'latin-9', 'windows-1250', 'utf-16le', 'utf-16']);

export type BodyText = { text: string } | { status: 400 | 415; problem: string };

export function bodyText(bytes: Uint8Array, contentType: string | undefined): BodyText {
  const named = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (named && named !== 'utf-8' && named !== 'utf8') {
    if (!LABELS.has(named)) return { status: 415, problem: `body: charset "${named}" is not one this server reads; send UTF-8 (or ISO-8859-1 / windows-1252, named in Content-Type)` };
    return { text: new TextDecoder(named).decode(bytes) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { status: 400, problem: `body: not valid UTF-8 at byte ${at} (send UTF-8, or name the charset the body is in: Content-Type: application/json; charset=iso-8859-1)` };
  }
}
