/** The in-add-in help page (使用说明) covers what issue #16 asks of it, for Excel and WPS alike. */
import * as fs from "fs";
import * as path from "path";

const html = fs.readFileSync(path.join(__dirname, "..", "src", "help", "help.html"), "utf8");
const text = html.replace(/<[^>]+>/g, "");

describe("使用说明", () => {
  it.each(["Excel", "WPS 表格", "一键校验", "应用", "撤销", "模板", "往年措辞", "检查哪些内容", "保存前会自动检查"])("covers %s", (topic) => {
    expect(text).toContain(topic);
  });

  it.each(["表格没有被识别怎么办？", "修正会不会改动别的内容？", "数据会不会上传？"])("answers %s", (q) => {
    const at = text.indexOf(q);
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + q.length).trim().length).toBeGreaterThan(40);
  });

  it("links every section from its table of contents", () => {
    const ids = [...html.matchAll(/href="#([a-z]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) expect(html).toContain(`id="${id}"`);
  });
});
