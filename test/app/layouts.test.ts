import { Assistant } from "../../src/app/assistant";
import { LayoutsController } from "../../src/app/layouts";
import { MemoryLibraryStore } from "../../src/app/libraryStore";
import { Host, MemoryStorage } from "../../src/hosts/types";
import { WorkbookSnapshot } from "../../src/engine";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

/** A county's own form, as test/cli/layout-cli.test.ts has it: read well only with its declaration. */
const COUNTY: WorkbookSnapshot = workbookOf(
  sheetOf([
    ["某县专项资金绩效自评表"],
    ["项目名称", "农村公路养护"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 90, 10, "90.00%", 9],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度计划值", "年度实际完成", "分值", "得分"],
    [null, "产出指标", "数量指标", "养护里程", "≥100公里", "80公里", 50, 50],
    [null, "效益指标", "社会效益指标", "通行条件改善", "明显改善", "达成", 30, 27],
    [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, null, 100, 96],
  ]),
);

const LAYOUT = {
  id: "xx-county-special",
  name: "某县专项资金绩效自评表",
  source: "某县财政局 2023 年通知附件",
  kind: "project",
  match: { title: ["专项资金绩效自评表"] },
  words: { indicatorColumns: { target: ["年度计划值"], actual: ["年度实际完成"] } },
  scoring: { budget: { points: 10 }, indicators: "ratio", qualitativeBands: true, weightTotal: 100, grades: [{ min: 90, grade: "优" }, { min: 80, grade: "良" }, { min: 60, grade: "中" }, { min: 0, grade: "差" }] },
};

function host(): Host {
  return {
    kind: "browser",
    canDownload: false,
    storage: new MemoryStorage(),
    readSnapshot: async () => COUNTY,
    applyPatch: async () => ({ applied: [], skipped: [] }),
    selectCell: async () => undefined,
  };
}

const picked = (name: string, text: string) => ({ name, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });

describe("表格式样 in the pane", () => {
  it("imports a layout file, re-checks with it, keeps it on this machine and removes it again", async () => {
    const store = new MemoryLibraryStore();
    const assistant = new Assistant(host());
    const layouts = new LayoutsController(assistant, store);
    await layouts.load();
    await assistant.check();
    expect(assistant.current.analysis!.projects[0]?.form.layout).not.toBe("xx-county-special");

    await layouts.importFiles([picked("本县式样.json", JSON.stringify(LAYOUT))]);
    expect(layouts.current.note).toBe("已导入「本县式样.json」：某县专项资金绩效自评表。");
    const read = assistant.current.analysis!.projects[0].form;
    expect(read.layout).toBe("xx-county-special");
    // 80 of 100 km was scored full: found only with the county's words.
    expect(assistant.current.analysis!.findings.some((f) => f.message.includes("「养护里程」的得分应为 40.00"))).toBe(true);

    // A new pane on the same machine uses it from its first check.
    const again = new Assistant(host());
    await new LayoutsController(again, store).load();
    await again.check();
    expect(again.current.analysis!.projects[0].form.layout).toBe("xx-county-special");

    await layouts.remove("本县式样.json");
    expect(layouts.current.files).toEqual([]);
    expect(await store.loadLayouts()).toEqual([]);
    expect(assistant.current.analysis!.projects[0]?.form.layout).not.toBe("xx-county-special");
  });

  it("refuses a broken file by the field it trips on, and keeps the others", async () => {
    const store = new MemoryLibraryStore();
    const assistant = new Assistant(host());
    const layouts = new LayoutsController(assistant, store);
    await layouts.importFiles([picked("好.json", JSON.stringify(LAYOUT)), picked("坏.json", JSON.stringify({ ...LAYOUT, id: "other", scoring: { ...LAYOUT.scoring, indicators: "by-feel" } })), picked("乱.json", "{ id: ")]);
    expect(layouts.current.files.map((f) => f.file)).toEqual(["好.json"]);
    expect(layouts.current.note).toMatch(/「坏.json」未导入：.*「scoring.indicators」应为/);
    expect(layouts.current.note).toMatch(/「乱.json」未导入：乱.json：不是有效的 JSON/);
    expect(layouts.current.note).not.toMatch(/。。|。；/);
    expect((await store.loadLayouts()).map((l) => l.file)).toEqual(["好.json"]);
  });
});
