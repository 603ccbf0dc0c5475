import { taskFund, taskNumbering, tasksRequired } from "../../src/engine/rules/task-structure";
import { indicatorValueEmpty } from "../../src/engine/rules/indicator-value-empty";
import { indicatorLineMismatch } from "../../src/engine/rules/indicator-line-mismatch";
import { indicatorValueIsTarget } from "../../src/engine/rules/indicator-value-is-target";
import { rateIndicatorValue } from "../../src/engine/rules/rate-indicator-value";
import { testRule } from "../helpers/ruleTester";
import { TaskSpec, withSpec } from "../helpers/formBuilder";

const task = (number: number | string | undefined, rows: TaskSpec["rows"], fund: unknown = 100): TaskSpec => ({ number, name: `任务${number ?? ""}`, fund: fund as TaskSpec["fund"], rows });
const one = (name: string, value: unknown) => withSpec({ tasks: [task(1, [[name, value as string]])] });

testRule(tasksRequired, {
  valid: [{ name: "two tasks", form: withSpec({}) }],
  invalid: [
    { name: "an empty table", form: withSpec({ tasks: [] }), errors: [{ cell: "A11", contains: "主要任务表格是空的" }] },
    { name: "no table", form: withSpec({ noTable: true }), errors: [{ contains: "没有找到「主要任务" }] },
  ],
});

testRule(taskNumbering, {
  valid: [
    { name: "1, 2", form: withSpec({}) },
    { name: "unnumbered tasks", form: withSpec({ tasks: [task(undefined, [["a", "1"]]), task(undefined, [["b", "2"]])] }) },
    { name: "one task", form: withSpec({ tasks: [task(1, [["a", "1"]])] }) },
  ],
  invalid: [
    { name: "1 then 3 (the seed)", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(3, [["b", "1"]])] }), errors: [{ cell: "A12", contains: "从 1 跳到 3，缺少第 2 项" }] },
    { name: "a repeat", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(1, [["b", "1"]])] }), errors: [{ cell: "A12", contains: "序号 1 重复" }] },
    { name: "starting at 2", form: withSpec({ tasks: [task(2, [["a", "1"]])] }), errors: [{ cell: "A11", contains: "缺少第 1 项" }] },
    { name: "1, 2, 5", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(2, [["b", "1"]]), task(5, [["c", "1"]])] }), errors: [{ cell: "A13", contains: "缺少第 3、4 项" }] },
  ],
});

testRule(taskFund, {
  valid: [{ name: "funds filled", form: withSpec({}) }, { name: "funds as text", form: withSpec({ tasks: [task(1, [["a", "1"]], "1,452.11")] }) }],
  invalid: [
    { name: "an empty fund", form: withSpec({ tasks: [task(1, [["a", "1"], ["b", "2"]], null)] }), errors: [{ cell: "G11", contains: "任务「任务1」的任务涉及资金未填写" }] },
    { name: "words for a fund", form: withSpec({ tasks: [task(1, [["a", "1"]], "见附表")] }), errors: [{ cell: "G11", contains: "见附表" }] },
  ],
});

testRule(indicatorValueEmpty, {
  valid: [{ name: "all values", form: withSpec({}) }],
  invalid: [
    { name: "an indicator without its value", form: withSpec({ tasks: [task(1, [["新建公厕数", "10"], ["改造公厕数", null]])] }), errors: [{ cell: "F12", contains: "「改造公厕数」" }] },
    { name: "a value without an indicator", form: withSpec({ tasks: [task(1, [["新建公厕数", "10"], ["", "11"]])] }), errors: [{ cell: "E12", severity: "warning" }] },
  ],
});

testRule(indicatorLineMismatch, {
  valid: [
    { name: "six and six", form: withSpec({ tasks: [task(1, [{ multi: [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"], ["f", "6"]] }])] }) },
    { name: "markup line breaks count as lines", form: withSpec({ tasks: [task(1, [{ multi: [["a", "1"], ["b", "2"]], values: "<p>1</p><p>2</p>" }])] }) },
  ],
  invalid: [
    { name: "three names, two values", form: withSpec({ tasks: [task(1, [{ multi: [["采购设施使用率", ""], ["b", ""], ["c", ""]], values: "100%\n51" }])] }), errors: [{ cell: "F11", contains: ["3 个关键指标", "2 行"] }] },
    { name: "two names, values on one line", form: withSpec({ tasks: [task(1, [{ multi: [["a", ""], ["b", ""]], values: "100% 51" }])] }), errors: [{ cell: "F11" }] },
    { name: "one name, two values", form: withSpec({ tasks: [task(1, [["a", "1\n2"]])] }), errors: [{ cell: "F11" }] },
  ],
});

testRule(indicatorValueIsTarget, {
  valid: [
    { name: "results", form: withSpec({}) },
    { name: "a hedged result is still a result", form: one("参与人次", "超过3.6万人次") },
    { name: "a qualitative result", form: one("除臭工作完成及时性", "按时") },
  ],
  invalid: [
    { name: "≥5%", form: one("违法建设面积下降率", "≥5%"), errors: [{ cell: "F11", contains: "「≥5%」是目标值的写法", severity: "warning" }], output: null },
    { name: "不低于85%", form: one("市容环境卫生满意度", "不低于85%"), errors: [{ cell: "F11" }] },
    { name: "90%以上", form: one("查处违章工地率", "90%以上"), errors: [{ cell: "F11" }] },
    { name: "平均每座公厕≤2次", form: one("有效投诉次数", "平均每座公厕≤2次"), errors: [{ cell: "F11" }] },
    { name: "one line of a shared cell", form: withSpec({ tasks: [task(1, [{ multi: [["a率", "100%"], ["b率", "≥10%"]] }])] }), errors: [{ cell: "F11", contains: "「b率」" }] },
  ],
});

testRule(rateIndicatorValue, {
  valid: [
    { name: "a percentage", form: one("疫苗接种率", "99%") },
    { name: "a target is another rule's finding, not this one's", form: one("使用人员满意率", "≥90%") },
    { name: "growth may pass 100%", form: one("收入增长率", "120%") },
    { name: "a completion rate may pass 100%", form: one("违建治理任务完成率", "100.87%") },
    { name: "not a rate", form: one("拆违面积", "393.41m ²") },
    { name: "a percent number cell", form: one("12319结案率", { v: 1, fmt: "0%" }) },
  ],
  invalid: [
    { name: "a qualitative value", form: one("政府采购合规率", "合规"), errors: [{ cell: "F11", contains: "不是百分数", severity: "warning" }] },
    { name: "a bare number", form: one("垃圾分类知晓率", "98"), errors: [{ cell: "F11", contains: "不是百分数" }] },
    { name: "a share over 100%", form: one("采购设施使用率", "105%"), errors: [{ cell: "F11", contains: "超过 100%", severity: "error" }] },
    { name: "a share over 100% in ‰", form: one("投诉率", "1200‰"), errors: [{ cell: "F11", severity: "error" }] },
  ],
});
