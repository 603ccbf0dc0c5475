import { analyze, addressToA1, Analysis, NARRATIVE_RULES, applyPatchToSnapshot } from "../../src/engine";
import { exampleSnapshot } from "../helpers/example";

/**
 * The seed's prose, checked as a reviewer at the 财政局 would: the real problems, each at the cell
 * that holds the text with the passage quoted, and nothing else.
 */
describe("narrative findings on the seed's form", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = analyze(await exampleSnapshot(), { rules: NARRATIVE_RULES });
  });

  it("are exactly the real ones, at most 15", () => {
    const got = a.findings.map((f) => `${f.rule} ${addressToA1(f.cell)}`);
    expect(got).toEqual([
      "markup-in-text B10",
      "malformed-figure E10",
      "malformed-figure E10",
      "malformed-figure E10",
      "malformed-figure E10",
      "markup-in-text E10",
      "indicator-prose-mismatch F22",
      "markup-in-text B50",
      "malformed-figure B51",
      "report-drift B51",
      "markup-in-text B51",
      "markup-in-text B52",
      "markup-in-text B53",
    ]);
    expect(got.length).toBeLessThanOrEqual(15);
  });

  it("reports 拆违面积 393.41m ² against 拆除面积393.41万平方米, with both places", () => {
    const f = a.findings.find((x) => x.rule === "indicator-prose-mismatch")!;
    expect(f.message).toContain("「拆违面积」填的是「393.41m ²」");
    expect(f.message).toContain("拆除面积393.41万平方米");
    expect(f.related!.map(addressToA1)).toEqual(["E10", "B51"]);
  });

  it("quotes each malformed figure with a fix that only moves what is wrong", () => {
    const m = a.findings.filter((x) => x.rule === "malformed-figure").map((x) => x.message.split("」")[0] + "」");
    expect(m).toEqual(["「6.85余万元」", "「74,892万辆」", "「27,1817万辆」", "「61.76余万元」", "「61.76余万元」"]);
    const edits = a.findings.filter((x) => x.rule === "malformed-figure").map((x) => x.edit?.replace?.[0]);
    expect(edits).toEqual([
      { find: "6.85余万元", with: "6.85万余元" },
      { find: "74,892万辆", with: "74.892万辆" },
      { find: "27,1817万辆", with: "27.1817万辆" },
      { find: "61.76余万元", with: "61.76万余元" },
      { find: "61.76余万元", with: "61.76万余元" },
    ]);
    for (const f of a.findings.filter((x) => x.rule === "malformed-figure")) expect(f.quote).toContain(f.edit!.replace![0].find);
  });

  it("lists the repeated report's differing sentences side by side, figures first", () => {
    const f = a.findings.find((x) => x.rule === "report-drift")!;
    expect(f.detailNames).toEqual(["部门整体支出的目标完成情况", "部门整体绩效"]);
    const pairs = f.details!;
    expect(pairs.filter((p) => p.figures).map((p) => [p.a.match(/(6\.85余万元|74,892万辆|6·13)/)?.[0], p.b.match(/(6\.85万余元|74\.892万辆|6\.13)/)?.[0]])).toEqual([
      ["6.85余万元", "6.85万余元"],
      ["74,892万辆", "74.892万辆"],
      ["6·13", "6.13"],
    ]);
    const words = pairs.filter((p) => !p.figures).map((p) => p.a + " | " + p.b);
    for (const w of ["一路一场景", "收运处置一体化改革。", "区委常委会", "责任人人数", "燃气监督检查人员", "封控保洁", "其处罚66000元", "今年发交办"]) expect(words.some((x) => x.includes(w))).toBe(true);
    // Width and spacing alone are not differences: 387篇（次） vs 387篇(次), 100.87%（ vs 100.87% (.
    expect(pairs.some((p) => p.a.includes("387篇"))).toBe(false);
    expect(pairs.some((p) => p.a.includes("100.87%"))).toBe(false);
  });

  it("offers to turn the markup of each prose cell into line breaks", () => {
    const cells = a.findings.filter((x) => x.rule === "markup-in-text").map((x) => addressToA1(x.cell));
    expect(cells).toEqual(["B10", "E10", "B50", "B51", "B52", "B53"]);
  });

  it("merges every text fix of a cell into one write, and a second pass finds nothing to fix", async () => {
    const snapshot = await exampleSnapshot();
    const cells = a.patch.changes.map((c) => addressToA1(c.cell));
    expect(cells).toEqual(["B10", "E10", "B50", "B51", "B52", "B53"]);
    const e10 = a.patch.changes.find((c) => addressToA1(c.cell) === "E10")!.value as string;
    expect(e10).not.toContain("<p>");
    expect(e10).toContain("罚款6.85万余元");
    expect(e10).toContain("74.892万辆");
    expect(e10).toContain("61.76万余元");
    expect(e10.split("\n")[0]).toMatch(/^\(一\) 以亮点示范为抓手/);
    const fixed = applyPatchToSnapshot(snapshot, a.patch).snapshot;
    const again = analyze(fixed, { rules: NARRATIVE_RULES });
    expect(again.patch.changes).toEqual([]);
    expect(again.findings.map((f) => f.rule)).toEqual(["indicator-prose-mismatch", "report-drift"]);
  });

  it("finds nothing false: numbering, problems ↔ measures and years are in order in the seed", () => {
    for (const rule of ["numbering-sequence", "problems-measures-pairing", "year-mismatch", "unit-spelling"]) expect(a.findings.filter((f) => f.rule === rule)).toEqual([]);
  });
});
