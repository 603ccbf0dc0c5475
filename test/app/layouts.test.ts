import { Assistant } from "../../src/app/assistant";
import { LayoutsController } from "../../src/app/layouts";
import { MemoryLibraryStore } from "../../src/app/libraryStore";
import { Host, MemoryStorage } from "../../src/hosts/types";
import { COUNTY_LAYOUT, countyForm } from "../helpers/countyForm";

const COUNTY = countyForm();
const LAYOUT = COUNTY_LAYOUT;

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
