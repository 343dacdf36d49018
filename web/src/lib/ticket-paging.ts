// The ticket list's place in the URL: the page's cursor (?cursor=) and the cursors of the pages
// before it (?back=, dot-separated; cursors are base64url, so a dot never occurs in one). In the URL
// so that reload, a shared link and the browser's Back keep the page; the list's API has no
// backward cursor, so Previous needs the ones already seen. Pure.

export interface TicketPaging {
  /** The cursor to ask the API with (undefined: the first page). */
  cursor: string | undefined;
  /** 1 for the first page. */
  page: number;
  /** The parameters that open the previous page, or null on the first. */
  previous: Record<string, string | undefined> | null;
  /** The parameters that open the page after `nextCursor`. */
  next: (nextCursor: string) => Record<string, string | undefined>;
}

const CURSOR = /^[A-Za-z0-9_-]{1,600}$/;

export function ticketPaging(params: Readonly<Record<string, string>>): TicketPaging {
  const cursor = params.cursor && CURSOR.test(params.cursor) ? params.cursor : undefined;
  // Earlier pages only mean something below a cursor; a hand-edited list keeps its valid entries.
  const back = cursor ? (params.back ?? '').split('.').filter((c) => CURSOR.test(c)) : [];
  const join = (list: string[]) => (list.length ? list.join('.') : undefined);
  return {
    cursor,
    page: cursor ? back.length + 2 : 1,
    previous: cursor ? { cursor: back[back.length - 1], back: join(back.slice(0, -1)) } : null,
    next: (nextCursor) => ({ cursor: nextCursor, back: join(cursor ? [...back, cursor] : []) }),
  };
}
