import { derivedValue } from "../../src/engine/rules/derived-value";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

// validSpec: 调整 1000, 年初 800, 实际 950 → 调整数 200 (G5), 完成率 95.00% (D7), 调整率 25.00% (G7).
testRule(derivedValue, {
  valid: [
    { name: "numbers in their formats", form: withSpec({}) },
    { name: "rates as text with two decimals", form: withSpec({ completionRate: "95.00%", adjustmentRate: "25.00%" }) },
    { name: "a rate written with fewer decimals that rounds the same", form: withSpec({ completionRate: "95%" }) },
    { name: "a rate typed as a bare fraction", form: withSpec({ completionRate: 0.95 }) },
    { name: "a rate typed as percentage points", form: withSpec({ adjustmentRate: 25 }) },
    { name: "money with thousands separators as text", form: withSpec({ adjustment: "200.00" }) },
    { name: "a negative adjustment", form: withSpec({ adjusted: 600, actual: 600, adjustment: -200, completionRate: { v: 1, fmt: "0.00%" }, adjustmentRate: { v: -0.25, fmt: "0.00%" }, general: 500, tasks: [{ number: 1, name: "任务", fund: 100, rows: [["指标", "1"]] }] }) },
  ],
  invalid: [
    { name: "a wrong 年度预算调整数 (number)", form: withSpec({ adjustment: { v: 150, fmt: "#,##0.00" } }), errors: [{ messageId: "mismatch", cell: "G5", data: { name: "年度预算调整数", expected: "200.00", actual: "150.00" }, severity: "error" }], output: { G5: 200 } },
    { name: "a wrong 预算完成率 (percent number)", form: withSpec({ completionRate: { v: 0.9, fmt: "0.00%" } }), errors: [{ messageId: "mismatch", cell: "D7", data: { name: "预算完成率", expected: "95.00%" } }], output: { D7: 0.95 } },
    { name: "a wrong 预算调整率 as text keeps text", form: withSpec({ adjustmentRate: "-25.00%" }), errors: [{ messageId: "mismatch", cell: "G7", data: { expected: "25.00%" } }], output: { G7: "25.00%" } },
    { name: "a wrong rate in percentage points stays in points", form: withSpec({ adjustmentRate: 30 }), errors: [{ messageId: "mismatch", cell: "G7" }], output: { G7: 25 } },
    { name: "money as text with separators", form: withSpec({ adjusted: "1,000.00", initial: "800.00", adjustment: "2,000.00" }), errors: [{ messageId: "mismatch", cell: "G5" }], output: { G5: "200.00" } },
    { name: "an empty derived cell gets a formula over numeric inputs", form: withSpec({ adjustment: null }), errors: [{ messageId: "empty", cell: "G5", severity: "warning" }], output: { G5: "=ROUND(D4-G4,2)" } },
    { name: "an empty rate over text inputs gets text", form: withSpec({ adjusted: "1,000.00", actual: "950.00", completionRate: null }), errors: [{ messageId: "empty", cell: "D7", severity: "warning" }], output: { D7: "95.00%" } },
    { name: "a rate off by a rounding step", form: withSpec({ completionRate: "95.01%" }), errors: [{ messageId: "mismatch", cell: "D7" }], output: { D7: "95.00%" } },
  ],
});
