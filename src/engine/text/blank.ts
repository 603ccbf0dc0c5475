/** Nothing but white space, dashes, slashes and 无: a search for any other character, not a copy of the prose without them. */
export function isBlankText(text: string | undefined): boolean {
  return text === undefined || !/[^\s\-—_*/\\无]/.test(text);
}
