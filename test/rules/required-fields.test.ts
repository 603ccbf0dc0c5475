import { requiredFields } from "../../src/engine/rules/required-fields";
import { testRule } from "../helpers/ruleTester";
import { validSpec, withSpec } from "../helpers/formBuilder";

testRule(requiredFields, {
  valid: [
    { name: "all filled", form: withSpec({}) },
    { name: "general budget may be text zero", form: withSpec({ general: "0.00" }) },
  ],
  invalid: [
    { name: "no department name", form: withSpec({ department: null }), errors: [{ messageId: "empty", cell: "C3", data: { name: "部门名称" }, section: "header" }], output: null },
    { name: "no year", form: withSpec({ year: "" }), errors: [{ messageId: "empty", cell: "G3", data: { name: "被评价年度" } }], output: null },
    { name: "no adjusted budget", form: withSpec({ adjusted: null }), errors: [{ messageId: "empty", cell: "D4", data: { name: "部门调整预算收入" } }], output: null },
    { name: "words for a figure", form: withSpec({ actual: "待统计" }), errors: [{ messageId: "notNumber", cell: "D5", data: { name: "实际支出数", value: "待统计" } }], output: null },
    { name: "general budget missing is only a warning", form: withSpec({ general: null }), errors: [{ messageId: "empty", cell: "D6", severity: "warning" }], output: null },
    { name: "a label missing altogether", form: { ...validSpec(), labels: { initial: "上年结转" } }, errors: [{ messageId: "missingLabel", cell: "A1", data: { name: "部门年初预算收入" } }], output: null },
    { name: "words in a derived cell that cannot be computed", form: withSpec({ initial: null, adjustment: "另附" }), errors: [{ messageId: "empty", cell: "G4" }, { messageId: "notNumber", cell: "G5", data: { value: "另附" } }], output: null },
  ],
});
