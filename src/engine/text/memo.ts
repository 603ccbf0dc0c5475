/**
 * Remembers a pure function of a text: the narrative rules read the same prose several times in one
 * pass. Results are shared and must not be changed by callers.
 *
 * What is remembered is one form's work: analyze() forgets everything when it starts on the next
 * form. A folder of forms rarely repeats a text, and results kept from form to form only made the
 * garbage collector copy them (and the text they were keyed by, which holds on to the whole XML it
 * was read from) again and again. `size` bounds what one form may keep.
 *
 * Forgetting replaces each table rather than clearing it: a cleared table that has grown old still
 * points at the young results it held, and V8's young-generation collector keeps them alive through
 * such pointers until the next full collection (measured over a folder of forms).
 */
interface Memo {
  table: Map<string, unknown>;
}
const memos: Memo[] = [];

export function memoByText<T>(fn: (text: string) => T, size: number, minLength = 0): (text: string) => T {
  const memo: Memo = { table: new Map<string, T>() };
  memos.push(memo);
  return (text: string) => {
    if (text.length < minLength) return fn(text);
    const table = memo.table as Map<string, T>;
    const hit = table.get(text);
    if (hit !== undefined) return hit;
    const out = fn(text);
    if (table.size >= size) memo.table = new Map();
    memo.table.set(text, out);
    return out;
  };
}

/** Forgets every remembered result (analyze() calls this as it starts on a form). */
export function forgetTexts(): void {
  for (const memo of memos) if (memo.table.size > 0) memo.table = new Map();
}
