/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * A webpack loader of the classic pane's build (webpack.config.js, the "classic" layer), run on what
 * ts-loader makes of each module at target ES5. TypeScript compiles the syntax down but leaves regular
 * expression literals as they are written, and Internet Explorer 11 cannot parse one with the u, s or
 * y flag, a look-behind or a named group: the whole classic.js would then fail to load.
 *
 * It drops a `u` flag where the flag changes nothing: a pattern of characters of the Basic Multilingual
 * Plane, without \u{…}, \p{…}, ".", a negated class or \S \W \D, and without the i flag (then the
 * pattern matches the same units with or without it, as in src/app/assistant.ts's `sentence`). Any other
 * regular expression ES5 cannot parse fails the build, naming the module and the expression: rewrite it
 * (see src/engine/narrative/placeholders.ts for a look-behind written without one).
 */
const acorn = require("acorn");

/** Whether a literal parses as ES5. */
function es5(literal) {
  try {
    acorn.parse(literal, { ecmaVersion: 5 });
    return true;
  } catch {
    return false;
  }
}

/** Whether the `u` flag of this pattern changes nothing it matches. */
function unicodeFlagRedundant(pattern, flags) {
  if (flags.indexOf("i") >= 0) return false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false; // a character outside the BMP
    const ch = pattern[i];
    if (ch === "\\") {
      const next = pattern[i + 1];
      if ("SWDpP".indexOf(next) >= 0) return false;
      if (next === "u") {
        const unit = /^[0-9a-fA-F]{4}/.test(pattern.slice(i + 2, i + 6)) ? parseInt(pattern.slice(i + 2, i + 6), 16) : -1;
        if (unit < 0 || (unit >= 0xd800 && unit <= 0xdfff)) return false; // \u{…}, or half of a pair
      }
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") {
      if (pattern[i + 1] === "^") return false;
      inClass = true;
    } else if (ch === ".") return false;
  }
  return true;
}

module.exports = function es5RegexLoader(source, map) {
  const tokens = [];
  try {
    acorn.parse(source, { ecmaVersion: "latest", sourceType: "module", onToken: tokens });
  } catch (e) {
    this.callback(new Error(`${this.resourcePath}: the ES5 output does not parse (${e.message})`));
    return;
  }
  let out = "";
  let at = 0;
  const problems = [];
  for (const t of tokens) {
    if (t.type !== acorn.tokTypes.regexp) continue;
    const literal = source.slice(t.start, t.end);
    if (es5(literal)) continue;
    const { pattern, flags } = t.value;
    const without = `/${pattern}/${flags.replace("u", "")}`;
    if (flags.indexOf("u") >= 0 && unicodeFlagRedundant(pattern, flags) && es5(without)) {
      out += source.slice(at, t.start) + without;
      at = t.end;
    } else problems.push(literal);
  }
  if (problems.length) {
    this.callback(new Error(`${this.resourcePath}: Internet Explorer 11 cannot parse ${problems.join(", ")} (look-behind, named groups and the s, u and y flags are ES2015+); write it without them`));
    return;
  }
  this.callback(null, at === 0 ? source : out + source.slice(at), map);
};

module.exports.unicodeFlagRedundant = unicodeFlagRedundant;
