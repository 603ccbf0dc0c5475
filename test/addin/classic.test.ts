/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";

/**
 * classic.html, the pane of Excel versions without add-in commands (2016, 2019): its script must
 * parse in Internet Explorer 11, hand over to the real pane where the webview can run it, and say
 * what to do where it cannot.
 */
const html = fs.readFileSync(path.join(__dirname, "..", "..", "src", "commands", "classic.html"), "utf8");
const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];

function run(modern: boolean) {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1].replace(/<script>[\s\S]*?<\/script>/, "");
  const replace = jest.fn();
  const RealFunction = Function;
  const FakeFunction = function (...args: string[]) {
    if (!modern) throw new SyntaxError("Expected identifier"); // what IE 11 says of `?.`
    return RealFunction(...args);
  };
  new RealFunction("window", "Function", "document", script.replace(/window\.location\.replace/g, "window.__replace"))(
    Object.assign(Object.create(window), { __replace: replace, location: window.location, Office: undefined }),
    FakeFunction,
    document,
  );
  return replace;
}

test("its script is ES5: no arrows, let/const, template strings, optional chaining", () => {
  expect(script).not.toMatch(/=>|`|\blet\s|\bconst\s|\?\.(?![^"]*")/);
});

test("where the webview can run the pane, it goes there", () => {
  const replace = run(true);
  expect(replace).toHaveBeenCalledWith("taskpane.html");
});

test("in Internet Explorer 11 it says what to do, with the web page's address", () => {
  const replace = run(false);
  expect(replace).not.toHaveBeenCalled();
  const text = document.getElementById("message")!.textContent!;
  expect(text).toContain("无法运行 ZiPing 自评助手");
  expect(text).toContain("index.html");
  expect(text).toContain("WPS");
  expect(text).toContain("Microsoft 365");
});
