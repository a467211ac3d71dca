/// <reference types="office-js" />
/**
 * The real office.js client (npm @microsoft/office-js) run in jsdom, with a session that captures
 * each request body instead of sending it: what the product's Office.js code would really send.
 */
import { readFileSync } from "fs";
import { JSDOM } from "jsdom";

export interface RequestBody {
  Actions: { ActionType: number; Name: string; ObjectPathId: number; ArgumentInfo?: { Arguments: unknown[] } }[];
  ObjectPaths: Record<
    string,
    { Id: number; Name: string; ParentObjectPathId?: number; ArgumentInfo?: { Arguments: unknown[] } }
  >;
}

/** A RequestContext of the real client whose session captures each request body instead of sending it. */
export function realClientContext(): { context: Excel.RequestContext; bodies: RequestBody[] } {
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  dom.window.eval(readFileSync(require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8"));
  // SessionBase is public in the library but missing from @types/office-js.
  const client = dom.window as unknown as {
    Excel: typeof Excel;
    OfficeExtension: { SessionBase: new () => object };
  };
  const bodies: RequestBody[] = [];
  class CapturingSession extends client.OfficeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: "https://capture.invalid/", headers: {} });
    }
    _createRequestExecutorOrNull() {
      return {
        executeAsync: (_data: unknown, _flags: unknown, message: { Body: RequestBody }) => {
          bodies.push(message.Body);
          return Promise.resolve({
            HttpStatusCode: 200,
            ErrorCode: null,
            ErrorMessage: null,
            Headers: {},
            Body: { Results: [] },
          });
        },
      };
    }
  }
  const context = new client.Excel.RequestContext(new CapturingSession() as never);
  return { context, bodies };
}
