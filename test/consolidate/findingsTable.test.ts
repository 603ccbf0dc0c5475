import { FINDING_COLUMNS, Finding, analyze, findingRows, findingsAsTable, findingsAsTsv, tsvField } from "../../src/engine";
import { buildForm, withSpec } from "../helpers/formBuilder";
import { parseDelimited } from "../helpers/delimited";


const form = analyze(buildForm(withSpec({ completionRate: { v: 0.9, fmt: "0.00%" }, tasks: [] })));

describe("the 问题清单 as a table (report workbook and the pane's 复制问题清单)", () => {
  it("has the reviewer's columns, one row per finding, the sheet and cell of each", () => {
    const table = findingsAsTable([{ file: "表.xlsx", snapshot: form.snapshot, findings: form.findings }]);
    expect(table[0]).toEqual(["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"]);
    expect(table[0]).toEqual([...FINDING_COLUMNS]);
    expect(table).toHaveLength(form.findings.length + 1);
    const rate = table.find((r) => r[2] === "D7")!;
    expect(rate).toEqual(["表.xlsx", "自评表", "D7", "部门资金情况", "强制", expect.stringContaining("预算完成率"), "是：D7：90.00% → 95.00%"]);
    const tasks = table.find((r) => r[3] === "主要任务与关键指标")!;
    expect(tasks[4]).toBe("强制");
    expect(tasks[6]).toBe("否");
  });

  it("names a table form's findings with their form, and marks 强制 rows", () => {
    const rows = findingRows([{ file: "x.xlsx", snapshot: form.snapshot, findings: [{ ...form.findings[0], form: "项目支出绩效自评表「某项目」（工作表「Sheet1」）", section: "projectFunds" } as Finding] }]);
    expect(rows[0].section).toBe("项目支出绩效自评表「某项目」（工作表「Sheet1」） · 项目资金");
    expect(rows[0].error).toBe(form.findings[0].severity === "error");
  });

  it("lists a file that could not be read as a row saying why, never leaves it out", () => {
    const table = findingsAsTable([{ file: "坏.xlsx", findings: [], unreadable: "「坏.xlsx」已损坏或不完整，无法打开。" }]);
    expect(table[1]).toEqual(["坏.xlsx", "", "", "文件", "无法读取", "「坏.xlsx」已损坏或不完整，无法打开。", "否"]);
  });

  it("quotes a field as Excel's clipboard does: tabs, line breaks and quotes inside double quotes", () => {
    expect(tsvField("平常的说明")).toBe("平常的说明");
    expect(tsvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(tsvField("含\t制表符")).toBe('"含\t制表符"');
    expect(tsvField('他说"好"')).toBe('"他说""好"""');
  });

  it("pastes back into the same rows and columns", () => {
    const tricky = { ...form.findings[0], message: '第一行\n第二行\t带制表符，"引号"' } as Finding;
    const sources = [
      { file: "表.xlsx", snapshot: form.snapshot, findings: [tricky, ...form.findings.slice(1)] },
      { file: "坏.xlsx", findings: [], unreadable: "无法读取" },
    ];
    const tsv = findingsAsTsv(sources);
    expect(tsv.endsWith("\r\n")).toBe(true);
    expect(tsv.split("\r\n")[0]).toBe("文件\t工作表\t单元格\t栏目\t级别\t说明\t可自动修正");
    expect(parseDelimited(tsv, "\t")).toEqual(findingsAsTable(sources));
    expect(parseDelimited(tsv, "\t")[1][5]).toBe('第一行\n第二行\t带制表符，"引号"');
  });
});
