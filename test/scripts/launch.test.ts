/**
 * npm start / npm stop, without the build: a port in use is passed over (and said), the address
 * printed is the started server's, and stop stops only that server.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launch, stop, tokenAt } = require("../../scripts/launch.js");

let tmp: string;
let foreign: http.Server;
let port: number;
beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-launch-"));
  fs.writeFileSync(path.join(tmp, "index.html"), "<!doctype html><title>ZiPing</title>");
  // Someone else's server on the port npm start would take.
  foreign = http.createServer((_req, res) => res.end("another program"));
  await new Promise<void>((r) => foreign.listen(0, "127.0.0.1", () => r()));
  port = (foreign.address() as AddressInfo).port;
});
afterEach(async () => {
  await new Promise((r) => foreign.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (p: number) =>
  new Promise<{ status?: number; body: string }>((resolve) => {
    http.get({ host: "127.0.0.1", port: p, path: "/index.html" }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    }).on("error", () => resolve({ body: "" }));
  });

describe("npm start's server", () => {
  it("takes the next free port when the asked one is in use, and stop stops only it", async () => {
    const stateFile = path.join(tmp, "state", "server.json");
    const started = await launch({ dir: tmp, port, stateFile, logFile: path.join(tmp, "server.log") });
    expect(started.ok).toBe(true);
    expect(started.port).toBeGreaterThan(port);
    expect((await get(started.port)).body).toContain("<title>ZiPing</title>");
    expect((await get(port)).body).toBe("another program");

    expect(await stop(stateFile)).toBe(`已停止服务（端口 ${started.port}，进程 ${started.pid}）。`);
    await new Promise((r) => setTimeout(r, 200));
    expect((await get(started.port)).status).toBeUndefined();
    expect((await get(port)).body).toBe("another program"); // the other program's server runs on
    expect(await stop(stateFile)).toBe("没有由 npm start 启动的服务。");
  }, 20000);

  it("never stops a server it did not start, even one on the port it once had", async () => {
    const stateFile = path.join(tmp, "server.json");
    fs.writeFileSync(stateFile, JSON.stringify({ pid: process.pid, port, scheme: "http", token: "not-the-foreign-one" }));
    expect(await tokenAt(port, "http")).toBeUndefined();
    expect(await stop(stateFile)).toBe(`端口 ${port} 上已没有 npm start 启动的服务，未停止任何进程。`);
    expect((await get(port)).body).toBe("another program");
  });

  it("says plainly when no port can be had", async () => {
    const stateFile = path.join(tmp, "server.json");
    const logFile = path.join(tmp, "server.log");
    // One try only, on the taken port.
    const { spawnSync } = await import("child_process");
    const r = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "serve.js"), "--dir", tmp, "--port", String(port), "--tries", "1", "--state", stateFile], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`端口 ${port}–${port} 都已被占用，服务没有启动。`);
    expect(fs.existsSync(stateFile)).toBe(false);
    expect(fs.existsSync(logFile)).toBe(false);
  });
});
