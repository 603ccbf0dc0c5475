import { numberingSequence } from "../../src/engine/rules/numbering-sequence";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(numberingSequence, {
  valid: [
    { name: "(一)(二)(三) with 一是二是 under each", form: withSpec({ achievedGoal: "(一) 甲。一是甲一；二是甲二。\n(二) 乙。一是乙一；二是乙二；三是乙三。\n(三) 丙。" }) },
    { name: "1. 2. 3. after commas", form: withSpec({ tasks: [{ number: 1, name: "任务", goal: "严格落实标准，1.洒水降尘；2.压缩站提升；3.公厕新建。", fund: 1, rows: [["a", "1"]] }] }) },
    { name: "decimals and dates are not markers", form: withSpec({ achievedGoal: "(一) 出动1.8万人次，“6.13”事故。\n(二) 完成2021-2025年规划。" }) },
    { name: "一、 (一) 1. nested", form: withSpec({ keyProject: "一、基本情况\n(一) 项目实施情况\n1.第一\n2.第二\n(二) 财政支出情况\n二、综合评价分析" }) },
  ],
  invalid: [
    { name: "a gap", form: withSpec({ problems: "(一) 问题一。\n(三) 问题三。" }), errors: [{ messageId: "gap", cell: "B18", data: { missing: "(二)" } }], output: null },
    { name: "a repeat", form: withSpec({ measures: "(一) 措施一。\n(二) 措施二。\n(二) 措施三。" }), errors: [{ messageId: "repeat", cell: "B19", data: { raw: "(二)" } }], output: null },
    { name: "一是 then 三是", form: withSpec({ achievedGoal: "一是甲；三是丙。" }), errors: [{ messageId: "gap", cell: "E9", data: { missing: "二是" } }], output: null },
    { name: "two styles at one level", form: withSpec({ achievedGoal: "(一) 甲。一是甲一；2.甲二。" }), errors: [{ messageId: "mixed", cell: "E9", data: { other: "一是" } }, { messageId: "gap", cell: "E9", data: { missing: "1." } }], output: null },
  ],
});
