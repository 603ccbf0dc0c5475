import { parseA1 } from "../grid/address";

/**
 * A small evaluator for the arithmetic formulas these forms put in derived cells (=D5-G5,
 * =ROUND(D6/D5,4), =IFERROR(G6/G5,0), =SUM(G12:G47)). A full engine (HyperFormula) is GPL-licensed
 * and far larger than the four operators and five functions needed to judge a derived cell; a formula
 * outside this subset is judged by the result the host cached instead.
 */

export interface FormulaRef {
  row: number;
  col: number;
}

type Node =
  | { t: "num"; v: number }
  | { t: "ref"; row: number; col: number }
  | { t: "range"; top: number; left: number; bottom: number; right: number }
  | { t: "neg"; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "call"; name: string; args: Node[] };

export interface ParsedFormula {
  node: Node;
  refs: FormulaRef[];
}

class Unsupported extends Error {
  constructor(message?: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds where compiled to ES5 (the classic pane)
  }
}

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  // Each token must start where the last one ended: a global search whose match starts later is a
  // failure, as with the sticky flag (which older script engines cannot parse).
  const re = /\s*(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?%?|[A-Za-z_][A-Za-z0-9_.]*(?=\()|[-+*/^(),])\s*/g;
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m || m.index !== i) throw new Unsupported(src.slice(i));
    tokens.push(m[1]);
    i = re.lastIndex;
  }
  return tokens;
}

/** Parses a formula (without "="); undefined when it leaves the supported subset. */
export function parseFormula(formula: string): ParsedFormula | undefined {
  const src = formula.replace(/^=/, "").trim();
  if (src === "" || /!/.test(src)) return undefined; // cross-sheet references are not judged here
  let tokens: string[];
  try {
    tokens = tokenize(src);
  } catch {
    return undefined;
  }
  let pos = 0;
  const refs: FormulaRef[] = [];
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    if (next() !== t) throw new Unsupported(t);
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new Unsupported("end");
    if (tok === "(") {
      const e = expr();
      expect(")");
      return e;
    }
    if (tok === "-") return { t: "neg", a: power() };
    if (tok === "+") return power();
    if (/^\d/.test(tok)) {
      const pct = tok.endsWith("%");
      const v = Number(pct ? tok.slice(0, -1) : tok);
      return { t: "num", v: pct ? v / 100 : v };
    }
    if (/^[A-Za-z_]/.test(tok) && peek() === "(" && !/\d$/.test(tok)) {
      next();
      const args: Node[] = [];
      if (peek() !== ")") {
        args.push(expr());
        while (peek() === ",") {
          next();
          args.push(expr());
        }
      }
      expect(")");
      return { t: "call", name: tok.toUpperCase(), args };
    }
    if (tok.includes(":")) {
      const [a, b] = tok.split(":").map((x) => parseA1(x));
      if (!a || !b) throw new Unsupported(tok);
      const r = { t: "range" as const, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) refs.push({ row, col });
      return r;
    }
    const a = parseA1(tok);
    if (!a) throw new Unsupported(tok);
    refs.push(a);
    return { t: "ref", row: a.row, col: a.col };
  };
  const power = (): Node => {
    let a = primary();
    while (peek() === "^") {
      next();
      a = { t: "bin", op: "^", a, b: primary() };
    }
    return a;
  };
  const term = (): Node => {
    let a = power();
    while (peek() === "*" || peek() === "/") {
      const op = next();
      a = { t: "bin", op, a, b: power() };
    }
    return a;
  };
  const expr = (): Node => {
    let a = term();
    while (peek() === "+" || peek() === "-") {
      const op = next();
      a = { t: "bin", op, a, b: term() };
    }
    return a;
  };
  try {
    const node = expr();
    if (pos !== tokens.length) return undefined;
    if (!supported(node)) return undefined;
    return { node, refs };
  } catch {
    return undefined;
  }
}

const FUNCTIONS = new Set(["ROUND", "ABS", "SUM", "IFERROR", "MIN", "MAX"]);

function supported(n: Node): boolean {
  switch (n.t) {
    case "call":
      return FUNCTIONS.has(n.name) && n.args.every(supported);
    case "neg":
      return supported(n.a);
    case "bin":
      return supported(n.a) && supported(n.b);
    default:
      return true;
  }
}

/** Evaluates a parsed formula; `read` gives a referenced cell's number (empty cells read as 0). */
export function evaluateFormula(p: ParsedFormula, read: (row: number, col: number) => number | undefined): number | undefined {
  const ev = (n: Node): number => {
    switch (n.t) {
      case "num":
        return n.v;
      case "ref": {
        const v = read(n.row, n.col);
        if (v === undefined) throw new Unsupported("ref");
        return v;
      }
      case "range":
        throw new Unsupported("range outside SUM");
      case "neg":
        return -ev(n.a);
      case "bin": {
        const a = ev(n.a);
        const b = ev(n.b);
        if (n.op === "+") return a + b;
        if (n.op === "-") return a - b;
        if (n.op === "*") return a * b;
        if (n.op === "^") return Math.pow(a, b);
        if (b === 0) throw new Unsupported("#DIV/0!");
        return a / b;
      }
      case "call": {
        if (n.name === "SUM") {
          let s = 0;
          for (const arg of n.args) {
            if (arg.t === "range") {
              for (let r = arg.top; r <= arg.bottom; r++) for (let c = arg.left; c <= arg.right; c++) s += read(r, c) ?? 0;
            } else s += ev(arg);
          }
          return s;
        }
        if (n.name === "ABS") return Math.abs(ev(n.args[0]));
        if (n.name === "MIN" || n.name === "MAX") {
          const xs: number[] = [];
          for (const arg of n.args) {
            if (arg.t === "range") {
              for (let r = arg.top; r <= arg.bottom; r++) for (let c = arg.left; c <= arg.right; c++) xs.push(read(r, c) ?? 0);
            } else xs.push(ev(arg));
          }
          return n.name === "MIN" ? Math.min(...xs) : Math.max(...xs);
        }
        if (n.name === "ROUND") {
          const digits = n.args.length > 1 ? ev(n.args[1]) : 0;
          return roundHalfAwayFromZero(ev(n.args[0]), digits);
        }
        if (n.name === "IFERROR") {
          try {
            return ev(n.args[0]);
          } catch {
            return ev(n.args[1]);
          }
        }
        throw new Unsupported(n.name);
      }
    }
  };
  try {
    const v = ev(p.node);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Excel's ROUND: halves away from zero, with binary noise removed first (1.005 → 1.01). */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const scaled = Number.parseFloat((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}
