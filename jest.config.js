/** Unit and integration tests run on ts sources; type checking runs once, before jest (npm test). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/dom.ts", "<rootDir>/test/setup/strictRules.ts"],
  testTimeout: 30000,
};
