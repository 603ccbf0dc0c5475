import { analyze, extractFigures } from "../../src/engine";
import { comparable, proseSentences, splitSentences } from "../../src/engine/narrative/text";
import { proseBlocks } from "../../src/engine/narrative/sections";
import { canonicalName, foldChar, kindOfName } from "../../src/engine/narrative/similarity";
import { findMarkers } from "../../src/engine/narrative/numbering";
import { stripMarkup, toHalfWidth } from "../../src/engine/text/normalize";
import { applyTextEdits } from "../../src/engine/narrative/edits";
import { TextEdit } from "../../src/engine/narrative/edits";
import { parseQuantity } from "../../src/engine/quantity/parse";
import { exampleSnapshot } from "../helpers/example";

/**
 * The prose checks read text with hand-written character loops (for speed). Each must say exactly
 * what the plain regular-expression definition says: these are those definitions, run side by side
 * on the seed's prose and on text made to hit the edge cases.
 */
const reference = {
  toHalfWidth: (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " "),
  comparable: (text: string) =>
    reference
      .toHalfWidth(text)
      .replace(/(\d)\.(?=\d)/g, "$1\u2024")
      .replace(/(\d),(?=\d)/g, "$1\u201a")
      .replace(/(\d)·(?=\d)/g, "$1\u2027")
      .replace(/[\s，,。.；;：:、！!？?“”"'‘’()（）《》<>\-—_·]/g, ""),
  stripMarkup: (s: string) =>
    !/[<&]/.test(s)
      ? s
      : s
      .replace(/<\s*br\s*\/?\s*>/gi, "\n")
      .replace(/<\s*\/\s*p\s*>\s*/gi, "\n")
      .replace(/<\s*p(\s[^>]*)?>/gi, "")
      .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, "")
      .replace(/&nbsp;/gi, " ")
      .replace(/&lt;/gi, "<")
      .replace(/&gt;/gi, ">")
      .replace(/&quot;/gi, '"')
      .replace(/&#39;|&apos;/gi, "'")
      .replace(/&amp;/gi, "&")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/\n{2,}/g, "\n")
      .trim(),
  markers: (text: string) => {
    const START = "(?:^|(?<=[\\n。；;：:！!？?]\\s*))";
    const CLAUSE = "(?:^|(?<=[\\n。；;：:！!？?，,]\\s*))";
    const NUM = "([一二三四五六七八九十]{1,3})";
    const t = reference.toHalfWidth(text);
    const patterns = [new RegExp(`${START}${NUM}、`, "g"), new RegExp(`${START}\\(${NUM}\\)`, "g"), new RegExp(`${CLAUSE}${NUM}(?:是|要)`, "g"), new RegExp(`${CLAUSE}(\\d{1,2})[.、](?!\\d)`, "g"), new RegExp(`${CLAUSE}\\((\\d{1,2})\\)`, "g")];
    return patterns.flatMap((re) => [...t.matchAll(re)].map((m) => `${m.index}:${m[0].trim()}`)).sort((a, b) => Number(a.split(":")[0]) - Number(b.split(":")[0]));
  },
};

/** The figure's words as first written, with regular expressions: what the character scan must give. */
const SYNONYMS: Record<string, string> = { 拆违: "拆除违法建设", 治违: "违法建设治理", 违建: "违法建设", 厕所: "公厕", 执法案件: "案件", 立案查处: "立案处罚", 查处: "处罚", 篇次: "篇" };
const referenceWords = {
  compact: (s: string) => reference.toHalfWidth(s).replace(/\s+/g, ""),
  subject(before: string): string {
    let s = referenceWords.compact(before).replace(/^(今年|全年|本年|年内|全区|全市|全局|我局|我区|其中|累计|共计|共|合计|总计|已经|已|先后)+/, "");
    for (;;) {
      const w = ["共计", "共", "累计", "达到", "达", "约", "超过", "近", "逾", "合计", "总计", "已"].find((x) => s.endsWith(x));
      if (w) s = s.slice(0, -w.length);
      else if (/[率数量额度比值]为$/.test(s)) s = s.slice(0, -1);
      else break;
    }
    return s.slice(-16);
  },
  hedge(before: string): string | undefined {
    const b = before.trimEnd();
    return b.endsWith("超过") || b.endsWith("逾") ? "over" : b.endsWith("约") ? "about" : b.endsWith("近") ? "nearly" : undefined;
  },
  canonicalName: (name: string) =>
    reference
      .toHalfWidth(name)
      .replace(/[\s“”"'‘’「」《》()（）·]/g, "")
      .replace(new RegExp(Object.keys(SYNONYMS).join("|"), "g"), (w) => SYNONYMS[w]),
  kindOfName(name: string): string | undefined {
    const n = referenceWords.canonicalName(name);
    if (/面积$/.test(n)) return "area";
    if (/(率|度|比例|占比)$/.test(n)) return "rate";
    if (/(金额|资金|罚款|经费|费用|收入|支出)$/.test(n)) return "money";
    if (/(长度|里程)$/.test(n)) return "length";
    if (/(重量|吨数|清运量)$/.test(n)) return "weight";
    if (/(数|次|宗|个|场|篇|件)$/.test(n)) return "count";
    return undefined;
  },
};

const EDGES = [
  "１２．５％，共计７４，８９２万辆。",
  "　全角空格　与\u00a0不换行空格\t制表符",
  "6·13 与 6.13 与 613，“引号”（括号）《书名》——破折号_下划线",
  "1.2.3版本；1..2；,3,；.5.",
  "(一)首项\n  (二)缩进的第二项\n一、大项。二、第二大项；三是第三；四要第四，1.小项，2、小项(3)括号项",
  "统一、不是序号；2021.5不是序号；十一、第十一项。十二是第十二",
  "（一）全角括号；　（二）全角空格之后。１．全角数字，２、第二；（３）括号项；１２．５不是序号",
  "<p>段落一</p>\n <P CLASS=x>段落二<BR/>换行 &amp;lt;p&amp;gt; &nbsp; &lt;b&gt;</p><span style=\"x\">文字</span><pre>保留</pre>< br / >",
  "\n\n  多个\n \n空行  \n\n",
  "",
  "。",
  "只有一句没有句号",
  "累计共计立案查处违建　２５８０宗；全年共约 1480余处，其中超过3.6万人次，完成率为102%，行为 5 起，近 12 个，逾30场。",
  "<B中R>不是换行<br >是换行<Br/>也是</P >结束<bR / >",
];

describe("character-level text scanning matches its definition", () => {
  let texts: string[];
  beforeAll(async () => {
    const a = analyze(await exampleSnapshot());
    texts = [...proseBlocks(a.form!).flatMap((b) => [b.ref.text, b.ref.raw]), ...EDGES];
  });

  it("reads the seed's prose (the comparison below is not vacuous)", () => {
    expect(texts.join("").length).toBeGreaterThan(15000);
  });

  it("toHalfWidth", () => {
    for (const t of texts) expect(toHalfWidth(t)).toBe(reference.toHalfWidth(t));
  });

  it("comparable, for short text and for long (remembered with its sentences)", () => {
    for (const t of texts) {
      expect(comparable(t)).toBe(reference.comparable(t));
      for (const s of splitSentences(t)) expect(comparable(s.text)).toBe(reference.comparable(s.text));
    }
  });

  it("proseSentences: splitSentences' sentences, keyed, and the whole as their keys end to end", () => {
    for (const t of texts) {
      const { whole, sentences } = proseSentences(t);
      expect(whole).toBe(reference.comparable(t));
      const expected = splitSentences(t).filter((s) => reference.comparable(s.text).length > 0);
      expect(sentences.map((s) => t.slice(s.start, s.end).trim())).toEqual(expected.map((s) => s.text));
      expect(sentences.map((s) => s.key)).toEqual(expected.map((s) => reference.comparable(s.text)));
    }
  });

  it("stripMarkup", () => {
    for (const t of texts) expect(stripMarkup(t)).toBe(reference.stripMarkup(t));
  });

  it("findMarkers: one pass with the place checked by hand finds what the lookbehind patterns find", () => {
    for (const t of texts) expect(findMarkers(t).map((m) => `${m.index}:${m.raw}`)).toEqual(reference.markers(t));
    expect(findMarkers(EDGES[4]).map((m) => m.raw)).toEqual(["(一)", "(二)", "一、", "二、", "三是", "四要", "1.", "2、"]);
  });

  it("a figure read from its own pattern agrees with the quantity parser", () => {
    let plain = 0;
    for (const t of texts) {
      for (const f of extractFigures(t)) {
        const q = parseQuantity(f.raw.replace(/，/g, ","));
        // 平方公里 is one unit: the parser's word-length rule would cut it to 平方.
        if (f.unitWritten === "平方公里") continue;
        expect([f.raw, f.value, f.written, f.unit, f.unitWritten, f.multiplier, f.range, f.irregular]).toEqual([f.raw, q.value, q.written, q.unit, q.unitWritten, q.multiplier, q.range, q.irregular]);
        if (!f.approx || f.approx === "more") expect([f.raw, f.approx]).toEqual([f.raw, q.approx]);
        plain++;
      }
    }
    expect(plain).toBeGreaterThan(300);
  });

  it("a figure's words, hedge and clause: what the regular expressions said", () => {
    let read = 0;
    for (const t of texts) {
      for (const f of extractFigures(t)) {
        // The clause of a figure reaches back to a boundary, at most 40 characters.
        let s = f.index;
        while (s > 0 && !/[，,。；;：:！!？?\n（）()、“”"]/.test(t[s - 1]) && f.index - s < 40) s--;
        const before = t.slice(s, f.index);
        let e = f.index + f.raw.length;
        while (e < t.length && !/[，,。；;：:！!？?\n（）()、“”"]/.test(t[e]) && e - (f.index + f.raw.length) < 40) e++;
        const after = referenceWords.compact(t.slice(f.index + f.raw.length, e)).slice(0, 16);
        expect([f.raw, f.subject, f.after, f.clause]).toEqual([f.raw, referenceWords.subject(before), after, t.slice(s, e).trim()]);
        if (f.approx !== "more") expect([f.raw, f.approx]).toEqual([f.raw, referenceWords.hedge(before)]);
        read++;
      }
    }
    expect(read).toBeGreaterThan(300);
  });

  it("canonicalName and kindOfName", () => {
    const names = [...texts.flatMap((t) => t.split(/[，。；\n]/)), "拆违面积", "“厕所”改造数", "（立案查处）宗数", "执法案件 办结率", "清运量", "罚款金额", "ＡＢＣ　长度", "占比"];
    for (const n of names) {
      expect([n, canonicalName(n)]).toEqual([n, referenceWords.canonicalName(n)]);
      expect([n, kindOfName(n)]).toEqual([n, referenceWords.kindOfName(n)]);
    }
  });

  it("edits of one cell, composed: the replacements, then markup to lines", async () => {
    const a = analyze(await exampleSnapshot());
    const byCell = new Map<string, TextEdit[]>();
    for (const f of a.findings) if (f.edit) byCell.set(`${f.edit.cell.row},${f.edit.cell.col}`, [...(byCell.get(`${f.edit.cell.row},${f.edit.cell.col}`) ?? []), f.edit]);
    const composed = [...byCell.values()].filter((list) => list.some((e) => e.stripMarkup) && list.some((e) => e.replace?.length));
    // The seed has cells with both: markup and misplaced 余 or separators in the same report.
    expect(composed.length).toBeGreaterThan(0);
    const definition = (raw: string, edits: TextEdit[]) => {
      let t = raw;
      for (const r of edits.flatMap((e) => e.replace ?? [])) t = t.includes(r.find) ? t.replace(r.find, () => r.with) : t;
      return reference.stripMarkup(t);
    };
    for (const list of composed) expect(applyTextEdits(list[0].raw, list)).toBe(definition(list[0].raw, list));
    // A replacement that reaches into markup is applied to the text as written, before the markup goes.
    const raw = "<p>罚款6.85余万元</p><p>第二段</p>";
    const edits: TextEdit[] = [{ cell: { sheet: 0, row: 0, col: 0 }, raw, stripMarkup: true }, { cell: { sheet: 0, row: 0, col: 0 }, raw, replace: [{ find: "</p><p>第二段", with: "，第二段" }] }];
    expect(applyTextEdits(raw, edits)).toBe(definition(raw, edits));
  });

  it("bigram folding keeps every character of the ranges the forms write apart, in 15 bits", () => {
    const ranges: [number, number][] = [[0, 0x2500], [0x3000, 0x3400], [0x4e00, 0xa000], [0xff00, 0x10000]];
    const seen = new Map<number, number>();
    const clashes: string[] = [];
    for (const [from, to] of ranges)
      for (let c = from; c < to; c++) {
        const f = foldChar(c);
        if (seen.has(f)) clashes.push(`${c.toString(16)} ~ ${seen.get(f)!.toString(16)}`);
        seen.set(f, c);
      }
    expect(clashes).toEqual([]);
    expect(seen.size).toBe(0x2500 + 0x400 + 0x5200 + 0x100);
    let widest = 0;
    for (let c = 0; c < 0x10000; c++) widest = Math.max(widest, foldChar(c));
    expect(widest).toBeLessThan(0x8000);
  });
});
