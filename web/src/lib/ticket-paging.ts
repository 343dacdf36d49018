// The ticket list's place in the URL: the page's cursor (?cursor=), its number (?page=) and the
// cursors of the pages just before it (?back=, dot-separated; cursors are base64url, so a dot
// never occurs in one). In the URL so that reload, a shared link and the browser's Back keep the
// page; the list's API has no backward cursor, so Previous needs the ones already seen. Only the
// last MAX_BACK are kept: every page added about 49 characters, and past 335 pages the URL was
// too long for the server (431). Beyond them, First page. Pure.

export const MAX_BACK = 20;

type Params = Record<string, string | undefined>;

export interface TicketPaging {
  /** The cursor to ask the API with (undefined: the first page). */
  cursor: string | undefined;
  /** 1 for the first page. */
  page: number;
  /** The parameters that open the previous page, or null on the first (or when it is no longer known). */
  previous: Params | null;
  /** The parameters that open the first page, or null on it. */
  first: Params | null;
  /** The parameters that open the page after `nextCursor`. */
  next: (nextCursor: string) => Params;
}

const CURSOR = /^[A-Za-z0-9_-]{1,600}$/;
const FIRST: Params = { cursor: undefined, back: undefined, page: undefined };

export function ticketPaging(params: Readonly<Record<string, string>>): TicketPaging {
  const cursor = params.cursor && CURSOR.test(params.cursor) ? params.cursor : undefined;
  // Earlier pages only mean something below a cursor; a hand-edited list keeps its valid entries.
  const back = cursor ? (params.back ?? '').split('.').filter((c) => CURSOR.test(c)).slice(-MAX_BACK) : [];
  // The number as the URL says, unless it cannot be (fewer pages than the cursors before it).
  const said = Number(params.page);
  const page = !cursor ? 1 : Number.isInteger(said) && said >= back.length + 2 ? said : back.length + 2;
  const join = (list: string[]) => (list.length ? list.join('.') : undefined);
  const numbered = (n: number): string | undefined => (n > 1 ? String(n) : undefined);
  const previous: Params | null = !cursor ? null : back.length > 0 ? { cursor: back[back.length - 1], back: join(back.slice(0, -1)), page: numbered(page - 1) } : page === 2 ? FIRST : null;
  return {
    cursor,
    page,
    previous,
    first: cursor ? FIRST : null,
    next: (nextCursor) => ({ cursor: nextCursor, back: join(cursor ? [...back, cursor].slice(-MAX_BACK) : []), page: String(page + 1) }),
  };
}
