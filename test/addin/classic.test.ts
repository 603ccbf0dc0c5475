/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";

/**
 * classic.html, the pane of Excel versions without add-in commands (2016, 2019): its script must
 * parse in Internet Explorer 11, hand over to the modern pane where the webview can run it, load the
 * classic pane (classic.js) where it cannot, and say what to do when classic.js does not load.
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
  const win = Object.assign(Object.create(window), { __replace: replace, location: window.location, Office: undefined }) as { ZiPingClassic?: unknown };
  new RealFunction("window", "Function", "document", script.replace(/window\.location\.replace/g, "window.__replace"))(win, FakeFunction, document);
  const loader = [...document.body.querySelectorAll("script")].find((s) => /classic\.js$/.test(s.getAttribute("src") ?? ""));
  return { replace, win, loader };
}

const message = () => document.getElementById("message")!.textContent!;

test("its script is ES5: it parses at ecmaVersion 5, without arrows, let/const, template strings or optional chaining", () => {
  expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  expect(script).not.toMatch(/=>|`|\blet\s|\bconst\s|\?\.(?![^"]*")/);
});

test("where the webview can run the pane, it goes there", () => {
  const { replace, loader } = run(true);
  expect(replace).toHaveBeenCalledWith("taskpane.html");
  expect(loader).toBeUndefined();
});

test("in Internet Explorer 11 it loads the classic pane, classic.js, and apologizes for nothing yet", () => {
  const { replace, loader } = run(false);
  expect(replace).not.toHaveBeenCalled();
  expect(loader).toBeDefined();
  expect(message()).toBe("正在打开 ZiPing 自评助手…");
  expect(document.getElementById("pane")).not.toBeNull();
});

test("when classic.js cannot be loaded, it says what to do, with the web page's address", () => {
  const { loader } = run(false);
  loader!.dispatchEvent(new Event("error"));
  const text = message();
  expect(text).toContain("ZiPing 自评助手没能在此窗格中启动");
  expect(text).toContain("classic.js");
  expect(text).toContain("http://localhost/index.html");
  expect(text).toContain("WPS");
  expect(text).toContain("Microsoft 365");
});

test("when classic.js loaded but did not run (IE 11 could not parse it), it says so too", () => {
  const { loader } = run(false);
  loader!.dispatchEvent(new Event("load"));
  expect(message()).toContain("ZiPing 自评助手没能在此窗格中启动");
});

test("when classic.js ran, the classic pane speaks for itself", () => {
  const { loader, win } = run(false);
  win.ZiPingClassic = { started: true }; // what classic.js sets as it runs
  loader!.dispatchEvent(new Event("load"));
  expect(message()).toBe("正在打开 ZiPing 自评助手…");
});
