import { setStrictRules } from "../../src/engine";

// A rule that breaks its contract (a fix it does not declare, an unknown messageId, a placeholder
// left unfilled) throws in every test, instead of being quietly refused as it is for users.
setStrictRules(true);
