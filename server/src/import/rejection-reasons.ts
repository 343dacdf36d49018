// Rejected rows grouped by what is wrong, so that a report of 10,000 bad rows reads as a few
// problems. Pure.

const elide = (reason: string) => reason.replace(/"[^"]*"/g, '"…"');

/** Equal problems group together: quoted values and numbers left out ("score: … got number N"). */
export const reasonKey = (reason: string): string => elide(reason).replace(/\d+/g, 'N');

/**
 * A group's reason as shown: quoted values elided, and a number written N only where the group's
 * reasons differ in it ("got number N"), so fixed text keeps its digits ("RFC 3339", "256
 * characters"; the first version wrote "RFC N"). `shown` is the group's reason so far (null for
 * its first), `next` a reason of the same key.
 */
export function groupedReason(shown: string | null, next: string): string {
  const text = elide(next);
  if (shown === null || shown === text) return text;
  const a = shown.split(/(\d+|N)/);
  const b = text.split(/(\d+|N)/);
  if (a.length !== b.length) return reasonKey(next);
  return a.map((part, i) => (i % 2 === 1 && part !== b[i] ? 'N' : part)).join('');
}
