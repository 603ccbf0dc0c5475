/**
 * Remembers a pure function of a text for the last `size` texts: the narrative rules read the same
 * prose several times in one pass. Results are shared and must not be changed by callers. Sizes are
 * kept to about one form's prose: a folder of forms rarely repeats a text, and results kept longer
 * only make the garbage collector copy them.
 */
export function memoByText<T>(fn: (text: string) => T, size: number, minLength = 0): (text: string) => T {
  const memo = new Map<string, T>();
  return (text: string) => {
    if (text.length < minLength) return fn(text);
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const out = fn(text);
    if (memo.size >= size) memo.clear();
    memo.set(text, out);
    return out;
  };
}
