/**
 * Runs in a worker thread (see checkThread.ts): checks each snapshot it is sent and sends back the
 * file's report, as plain data. The engine is the same one `ziping check` runs in-process.
 */
import { parentPort } from "worker_threads";
import { reportFile } from "./fileReport";
import type { CheckRequest, CheckResponse } from "./checkThread";

if (parentPort) {
  const port = parentPort;
  port.on("message", (request: CheckRequest) => {
    let response: CheckResponse;
    try {
      response = { id: request.id, report: reportFile(request.file, request.snapshot, request.options) };
    } catch (e) {
      // A bug in the engine: sent back whole, so the main thread fails the way it would in-process.
      const error = e instanceof Error ? e : new Error(String(e));
      response = { id: request.id, error: { message: error.message, stack: error.stack } };
    }
    port.postMessage(response);
  });
}
