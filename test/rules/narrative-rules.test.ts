import { indicatorProseMismatch } from "../../src/engine/rules/indicator-prose-mismatch";
import { malformedFigure } from "../../src/engine/rules/malformed-figure";
import { markupInText } from "../../src/engine/rules/markup-in-text";
import { reportDriftRule } from "../../src/engine/rules/report-drift";
import { numberingSequence } from "../../src/engine/rules/numbering-sequence";
import { problemsMeasuresPairing } from "../../src/engine/rules/problems-measures-pairing";
import { yearMismatch } from "../../src/engine/rules/year-mismatch";
import { unitSpelling } from "../../src/engine/rules/unit-spelling";
import { testRule } from "../helpers/ruleTester";
import { TaskSpec, withSpec } from "../helpers/formBuilder";

// validSpec: 年度目标完成情况 at E9, 重点项目 B16, 部门整体绩效 B17, 存在问题 B18, 改进措施 B19; task rows from row 11.
const withIndicators = (rows: TaskSpec["rows"], achieved: string) => withSpec({ tasks: [{ number: 1, name: "任务", fund: 100, rows }], achievedGoal: achieved });

testRule(indicatorProseMismatch, {
  valid: [
    { name: "the same figure", form: withIndicators([["立案处罚宗数", "2577"]], "今年累计立案处罚2577宗。") },
    { name: "a synonym, same figure", form: withIndicators([["拆违面积", "393.41万平方米"]], "拆除面积393.41万平方米。") },
    { name: "one agreeing statement among several of the same measure", form: withIndicators([["立案处罚宗数", "2577"]], "立案处罚298宗；立案处罚2577宗；立案处罚3宗。") },
    { name: "a hedged figure within its hedge", form: withIndicators([["参与人次", "36500"]], "参与超过3.6万人次。") },
    { name: "a count and a rate are never compared", form: withIndicators([["安全隐患整改率", "100%"]], "发现安全隐患91宗，按期完成整改91宗。") },
    { name: "unrelated measures", form: withIndicators([["新建公厕数", "10"]], "更新招牌92块，面积约2050平方米。") },
    { name: "a target is not a result", form: withIndicators([["违法建设面积下降率", "≥5%"]], "违法建设面积下降3%。") },
    { name: "the count comes before the thing counted", form: withIndicators([["社区培育容貌品质社区个数", "5"]], "选定5个社区培育容貌品质社区。") },
  ],
  invalid: [
    { name: "the seed's 拆违面积 in m² against 万平方米", form: withIndicators([["拆违面积", "393.41m ²"]], "天河区共拆除违法建设2600宗，拆除面积393.41万平方米。"), errors: [{ cell: "F11", contains: ["「拆违面积」填的是「393.41m ²」", "拆除面积393.41万平方米"] }], output: null },
    { name: "a different count", form: withIndicators([["新建公厕数", "12"]], "新建公厕10座，改造公厕11座。"), errors: [{ cell: "F11", contains: "新建公厕10座" }] },
    { name: "a different rate", form: withIndicators([["疫苗接种率", "95%"]], "全区环卫工人疫苗接种率99%。"), errors: [{ cell: "F11", contains: "疫苗接种率99%" }] },
  ],
});

testRule(malformedFigure, {
  valid: [
    { name: "figures written right", form: withSpec({ achievedGoal: "罚款6.85万余元，单车74.892万辆，检查2,345家，投资1,234.5万元以内" }) },
    { name: "dates and codes", form: withSpec({ achievedGoal: "截至12月28日，12319结案率高，“6·13”事故" }) },
  ],
  invalid: [
    { name: "余 before 万", form: withSpec({ achievedGoal: "罚款6.85余万元。" }), errors: [{ cell: "E9", contains: "应写作「6.85万余元」" }], output: { E9: "罚款6.85万余元。" } },
    { name: "a separator in a 万 figure, corrected by its twin", form: withSpec({ achievedGoal: "共享单车74,892万辆。", overall: "共享单车74.892万辆。" }), errors: [{ cell: "E9", contains: ["7.49亿辆", "74.892万辆"] }], output: { E9: "共享单车74.892万辆。" } },
    { name: "a separator in a 万 figure without a twin has no fix", form: withSpec({ achievedGoal: "共享单车74,892万辆。" }), errors: [{ cell: "E9", contains: "请核对是否应为小数点" }], output: null },
    { name: "digits of both widths", form: withSpec({ achievedGoal: "完成１2个项目。" }), errors: [{ cell: "E9", contains: "「12个」" }], output: { E9: "完成12个项目。" } },
    { name: "bad grouping", form: withSpec({ achievedGoal: "检查12,34家餐馆。" }), errors: [{ cell: "E9", contains: "千位分隔符位置不对" }] },
  ],
});

testRule(markupInText, {
  valid: [{ name: "plain lines", form: withSpec({ achievedGoal: "(一) 第一段。\n(二) 第二段。" }) }, { name: "a ≤ sign is not markup", form: withSpec({ achievedGoal: "投诉≤2次，A<B且C>D" }) }],
  invalid: [
    { name: "<p> paragraphs", form: withSpec({ problems: "<p>(一) 问题一。</p> <p>(二) 问题二。</p>" }), errors: [{ cell: "B18", contains: ["4 处", "<p>"] }], output: { B18: "(一) 问题一。\n(二) 问题二。" } },
    { name: "&nbsp; and <br>", form: withSpec({ measures: "(一) 措施一。&nbsp;<br/>(二) 措施二。" }), errors: [{ cell: "B19" }], output: { B19: "(一) 措施一。\n(二) 措施二。" } },
  ],
});

const report = "(一) 垃圾分类工作深入推进。今年累计立案处罚2577宗，行政罚款53万余元。持续开展垃圾分类宣传，开展主题宣传活动达3061场次。\n(二) 行政执法工作有序开展。天河区共拆除违法建设2600宗，拆除面积393.41万平方米。";
testRule(reportDriftRule, {
  valid: [
    { name: "the same report twice", form: withSpec({ achievedGoal: report, overall: report }) },
    { name: "differing only in full-width brackets and spaces", form: withSpec({ achievedGoal: report + "（按市下达任务计算）", overall: report + " (按市下达任务计算)" }) },
    { name: "two different texts", form: withSpec({ achievedGoal: report, overall: "(一) 以社区容貌品质全域提升行动为牵引，注重整治提升。(二) 以燃气安全管理为重点，强化隐患排查。" }) },
  ],
  invalid: [
    {
      name: "a figure and a word changed",
      form: withSpec({ achievedGoal: report, overall: report.replace("2577宗", "2578宗").replace("深入推进", "稳步推进") }),
      errors: [{ cell: "B17", contains: ["2 句不一致", "1 句数字不同", "2577宗"] }],
      output: null,
    },
  ],
});

testRule(numberingSequence, {
  valid: [
    { name: "(一)(二)(三) with 一是二是 under each", form: withSpec({ achievedGoal: "(一) 甲。一是甲一；二是甲二。\n(二) 乙。一是乙一；二是乙二；三是乙三。\n(三) 丙。" }) },
    { name: "1. 2. 3. after commas", form: withSpec({ tasks: [{ number: 1, name: "任务", goal: "严格落实标准，1.洒水降尘；2.压缩站提升；3.公厕新建。", fund: 1, rows: [["a", "1"]] }] }) },
    { name: "decimals and dates are not markers", form: withSpec({ achievedGoal: "(一) 出动1.8万人次，“6.13”事故。\n(二) 完成2021-2025年规划。" }) },
    { name: "一、 (一) 1. nested", form: withSpec({ keyProject: "一、基本情况\n(一) 项目实施情况\n1.第一\n2.第二\n(二) 财政支出情况\n二、综合评价分析" }) },
  ],
  invalid: [
    { name: "a gap", form: withSpec({ problems: "(一) 问题一。\n(三) 问题三。" }), errors: [{ cell: "B18", contains: "缺少 (二)" }] },
    { name: "a repeat", form: withSpec({ measures: "(一) 措施一。\n(二) 措施二。\n(二) 措施三。" }), errors: [{ cell: "B19", contains: "「(二)」重复" }] },
    { name: "一是 then 三是", form: withSpec({ achievedGoal: "一是甲；三是丙。" }), errors: [{ cell: "E9", contains: "缺少 二是" }] },
    { name: "two styles at one level", form: withSpec({ achievedGoal: "(一) 甲。一是甲一；2.甲二。" }), errors: [{ cell: "E9", contains: "混用" }, { cell: "E9", contains: "缺少 1." }] },
  ],
});

testRule(problemsMeasuresPairing, {
  valid: [
    { name: "each problem answered", form: withSpec({ problems: "(一) 需持续深入推进垃圾分类。\n(二) 需全力抓好燃气安全监管。", measures: "(一) 持续深入推进垃圾分类。抓好投放点保洁。\n(二) 全力抓好燃气安全监管。定期开展整治。" }) },
    { name: "answered under another heading", form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需进一步提升精细化管理水平和机械化作业率。优化环卫设施布局和管养。", measures: "(一) 推进垃圾分类工作。\n(二) 不断提升环境卫生保洁水平。进一步提升精细化管理水平和机械化作业率，优化环卫设施布局和管养。" }) },
    { name: "one item each is not a list", form: withSpec({ problems: "预算精准率不够。", measures: "加强沟通协调。" }) },
  ],
  invalid: [
    { name: "a problem left unanswered", form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需加强违建治理。\n(三) 需提高公厕管养水平。", measures: "(一) 推进垃圾分类。\n(二) 加强违建治理，严厉打击新增违法建设。" }), errors: [{ cell: "B18", contains: "第 (三) 条「需提高公厕管养水平。」没有对应的改进措施" }] },
    { name: "a measure with no problem", form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需加强违建治理。", measures: "(一) 推进垃圾分类。\n(二) 加强违建治理。\n(三) 建设智慧城管平台。" }), errors: [{ cell: "B19", contains: "第 (三) 条「建设智慧城管平台。」没有对应的存在问题" }] },
  ],
});

testRule(yearMismatch, {
  valid: [
    { name: "the evaluated year", form: withSpec({ achievedGoal: "2022年依法办理审批180件。" }) },
    { name: "a plan span", form: withSpec({ achievedGoal: "编制《实施方案（2021-2025年）》。" }) },
    { name: "the next year's plan", form: withSpec({ measures: "(一) 2023年继续推进垃圾分类。" }) },
    { name: "a comparison with a past year", form: withSpec({ achievedGoal: "较2020年增长5%，自2018年以来持续下降。" }) },
    { name: "a full-width span", form: withSpec({ achievedGoal: "编制《实施方案（２０２１－２０２５年）》。" }) },
    { name: "the evaluated year in full-width digits", form: withSpec({ achievedGoal: "２０２２年依法办理审批180件。" }) },
  ],
  invalid: [
    { name: "last year's report title", form: withSpec({ keyProject: "“质量监测中心运行经费”项目2021年度绩效自评报告" }), errors: [{ cell: "B16", contains: ["2021年度绩效自评报告", "2022 年"] }] },
    { name: "a result two years old", form: withSpec({ achievedGoal: "2020年依法办理行政许可审批180件。" }), errors: [{ cell: "E9", contains: "2020年依法办理" }] },
    { name: "a result two years old, in full-width digits (quoted half-width)", form: withSpec({ achievedGoal: "２０２０年依法办理行政许可审批180件。" }), errors: [{ cell: "E9", contains: "2020年依法办理" }] },
  ],
});

testRule(unitSpelling, {
  valid: [{ name: "one spelling", form: withIndicators([["绿地面积", "12万平方米"]], "新增绿地面积12万平方米。") }],
  invalid: [
    {
      name: "m² and 平方米",
      form: withSpec({ tasks: [{ number: 1, name: "任务", fund: 1, rows: [["整治面积", "1.5万m²"], ["绿地面积", "2万平方米"]] }], achievedGoal: "新增绿地面积2万平方米，拆除面积3万平方米。" }),
      errors: [{ cell: "F11", contains: "「平方米」和「m²」" }],
    },
  ],
});
