import { derivedFormula } from "../../src/engine/rules/derived-formula";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(derivedFormula, {
  valid: [
    { name: "a plain formula", form: withSpec({ adjustment: { v: 200, f: "D4-G4" } }) },
    { name: "a formula with ROUND and absolute references", form: withSpec({ completionRate: { v: 0.95, f: "ROUND($D$5/$D$4,4)", fmt: "0.00%" } }) },
    { name: "a formula with IFERROR", form: withSpec({ adjustmentRate: { v: 0.25, f: "IFERROR(G5/G4,0)", fmt: "0.00%" } }) },
    { name: "a formula outside the evaluator, judged by its cached result", form: withSpec({ adjustment: { v: 200, f: "SUMPRODUCT(D4,1)-G4" } }) },
  ],
  invalid: [
    { name: "a formula over the wrong cells is replaced by a formula", form: withSpec({ completionRate: { v: 0.95, f: "D5/G4", fmt: "0.00%" } }), errors: [{ messageId: "wrong", cell: "D7", data: { formula: "D5/G4", correct: "ROUND(D5/D4,4)" } }], output: { D7: "=ROUND(D5/D4,4)" } },
    { name: "a formula with the wrong operator", form: withSpec({ adjustment: { v: 1800, f: "D4+G4" } }), errors: [{ messageId: "wrong", cell: "G5" }], output: { G5: "=ROUND(D4-G4,2)" } },
    { name: "a formula whose cached result is wrong and that cannot be evaluated", form: withSpec({ adjustment: { v: 150, f: "SUMPRODUCT(D4,1)-G4" } }), errors: [{ messageId: "wrong", cell: "G5" }], output: { G5: "=ROUND(D4-G4,2)" } },
  ],
});
