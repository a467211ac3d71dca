/// <reference types="office-js" />
/**
 * The real office.js client library (@microsoft/office-js, dist/excel-web-16.00.debug.js) loaded in
 * Node with a jsdom window, and an `Excel.RequestContext` whose session captures every request body
 * instead of sending it.
 *
 * The request body is the client's own: the same `ClientRequestBase.buildRequestMessageBodyAndRequestFlags`
 * that Excel for the web receives, serialised as the client serialises it (`JSON.stringify` of the
 * body, RichApiMessageUtility.buildMessageArrayForIRequestExecutor). Its size in UTF-8 bytes is what
 * Office's request limit is about.
 *
 * So that reads get answers and the workbook ends up somewhere to inspect, each captured request is
 * replayed on the in-memory fake (test/fakes): its object paths become fake proxies, its actions
 * property sets, method calls and loads on them, in the order the real client sent them. What the
 * real client silently drops (a property name its proxies do not define) never reaches the fake,
 * so comparing the fake's image with the plan catches it. Loads are answered in the wire format
 * the real client parses (PascalCase property names, collections as `_Items`, null objects as null,
 * loads through navigation properties nested in the child's own object).
 */
import { readFileSync } from "fs";
import { JSDOM } from "jsdom";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import type { FakeExcel } from "../fakes/excel-fake";
import { FakeOfficeError } from "../fakes/excel-fake";
import { FakeCollection } from "../fakes/excel/client";

const CLIENT_LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

interface RealOffice {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension & {
    SessionBase: new () => object;
    CommonUtility: { _doApiNotSupportedCheck: boolean };
  };
  OSF: { _OfficeAppFactory?: { getContext: () => unknown } };
}

let loaded: RealOffice | undefined;

/**
 * The ExcelApi version the harness's Office answers as supported; the manifest declares 1.8, and the add-in
 * uses 1.9 where isSetSupported says so. Tests and the bench that run at another version say so.
 */
export const DEFAULT_EXCEL_API = "1.9";

/** "1.10" > "1.9": requirement set versions compare part by part. */
function atMost(version: string | undefined, declared: string): boolean {
  const [major, minor = 0] = (version ?? "1.1").split(".").map(Number);
  const [topMajor, topMinor = 0] = declared.split(".").map(Number);
  return major < topMajor || (major === topMajor && minor <= topMinor);
}

/**
 * Makes the real client's own requirement-set check answer as an Excel that supports ExcelApi up to `excelApi`
 * and no other Excel requirement set (ExcelApiOnline, ExcelApiDesktop…); any other set (the client's own
 * RichApiRuntime and the like) answers as before, when the library found no Office.context and took every set
 * as supported. With it, the client refuses a member above that version as Excel would (ApiNotFound) before
 * anything is sent.
 */
function declareExcelApi(office: RealOffice, excelApi: string): void {
  // Office.context is a getter over the app factory's context, and a page outside Office has no app factory:
  // the harness gives it one that knows only the requirements.
  const requirements = {
    isSetSupported: (name: string, version?: string) =>
      name === "ExcelApi" ? atMost(version, excelApi) : !name.toLowerCase().startsWith("excel"),
  };
  office.OSF._OfficeAppFactory = { getContext: () => ({ requirements }) };
}

/** The real client, loaded once per process (parsing 3 MB of script takes a moment). */
export function realOffice(): RealOffice {
  if (!loaded) {
    const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
      runScripts: "outside-only",
      url: "https://localhost/taskpane.html",
    });
    dom.window.eval(readFileSync(CLIENT_LIBRARY, "utf8"));
    loaded = dom.window as unknown as RealOffice;
    // The library ends by setting OfficeExtension.Utility._doApiNotSupportedCheck = true, but its check reads
    // CommonUtility._doApiNotSupportedCheck (Utility copied CommonUtility's statics when it was defined), which
    // stays false: without this the client never checks a member's requirement set (and without an
    // Office.context it would take every set as supported).
    loaded.OfficeExtension.CommonUtility._doApiNotSupportedCheck = true;
    declareExcelApi(loaded, DEFAULT_EXCEL_API);
  }
  return loaded;
}

// --- The wire format (what buildRequestMessageBodyAndRequestFlags produces) ---------------------

interface ArgumentInfo {
  Arguments?: unknown[];
  /** Parallel to Arguments: the object path an argument stands for, 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

export interface WireObjectPath {
  Id: number;
  /** 1 global object, 3 method, 4 property, 5 indexer, 6 reference id, 7 null object. */
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface WireAction {
  Id: number;
  /** 1 instantiate, 2 query, 3 method, 4 set property. */
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface WireRequest {
  Actions: WireAction[];
  ObjectPaths: Record<string, WireObjectPath>;
}

export interface CapturedRequest {
  body: WireRequest;
  /** UTF-8 bytes of the body exactly as the client serialises it. */
  bytes: number;
  /**
   * UTF-8 bytes of the answer in the wire format the client parses (JSON of the response body the
   * harness builds from the fake: PascalCase names, `_Items`, nulls), once it has been answered.
   */
  responseBytes?: number;
}

interface ActionResult {
  ActionId: number;
  Value: unknown;
}

interface ResponseBody {
  Results: ActionResult[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number };
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

type Proxy = Record<string, unknown> & { isNullObject?: boolean; items?: Proxy[] };

/** Replays one captured request on a fresh fake context and builds the response the client parses. */
async function replayOnFake(fake: FakeExcel, request: WireRequest): Promise<ResponseBody> {
  const context = fake.newContext();
  const proxies = new Map<number, Proxy>();
  const resolve = (id: number): Proxy => {
    const known = proxies.get(id);
    if (known) return known;
    const path = request.ObjectPaths[String(id)];
    if (!path) throw new Error(`The request refers to object path ${id}, which it does not define.`);
    const proxy = resolvePath(path, resolve, context.workbook as unknown as Proxy);
    proxies.set(id, proxy);
    return proxy;
  };
  const answers: { action: WireAction; proxy: Proxy }[] = [];
  request.Actions.forEach((action) => {
    const proxy = resolve(action.ObjectPathId);
    const args = argumentsOf(action.ArgumentInfo, resolve);
    if (action.ActionType === 1 || action.ActionType === 2) answers.push({ action, proxy });
    if (action.ActionType === 2) queueLoad(proxy, action.QueryInfo);
    else if (action.ActionType === 3) callMethod(proxy, action.Name, args);
    else if (action.ActionType === 4) proxy[camel(action.Name)] = args[0];
    else if (action.ActionType !== 1) throw new Error(`The harness cannot replay action type ${action.ActionType}.`);
  });
  try {
    await context.sync();
  } catch (error) {
    if (!(error instanceof FakeOfficeError)) throw error;
    return refusal(error.code, error.message);
  }
  const response = {
    Results: answers.map(({ action, proxy }) => ({ ActionId: action.Id, Value: answerOf(action, proxy) })),
  };
  // Excel refuses an answer over its limit, measured on the wire (the fake's own count is only an estimate).
  const bytes = Buffer.byteLength(JSON.stringify(response), "utf8");
  if (bytes > fake.options.payloadLimitBytes)
    return refusal(
      "ResponsePayloadSizeLimitExceeded",
      `The response payload size (${bytes} bytes) has exceeded the limit.`,
    );
  return response;
}

const refusal = (code: string, message: string): ResponseBody => ({
  Results: [],
  Error: { Code: code, Message: message, HttpStatusCode: 400, ActionIndex: -1 },
});

function resolvePath(path: WireObjectPath, resolve: (id: number) => Proxy, root: Proxy): Proxy {
  if (path.ObjectPathType === 1) return root;
  if (path.ParentObjectPathId === undefined) throw new Error(`Object path ${path.Id} has no parent.`);
  const parent = resolve(path.ParentObjectPathId);
  const args = argumentsOf(path.ArgumentInfo, resolve);
  switch (path.ObjectPathType) {
    case 3:
      return callMethod(parent, path.Name, args) as Proxy;
    case 4:
      return parent[camel(path.Name)] as Proxy;
    case 5:
      return callMethod(parent, "GetItem", args) as Proxy;
    default:
      throw new Error(`The harness cannot replay object path type ${path.ObjectPathType} (${path.Name}).`);
  }
}

/** A null argument is how JSON carries an optional argument left out; the fake's methods expect undefined. */
function argumentsOf(info: ArgumentInfo | undefined, resolve: (id: number) => Proxy): unknown[] {
  const args = info?.Arguments ?? [];
  return args.map((arg, i) => {
    const pathId = info?.ReferencedObjectPathIds?.[i];
    if (pathId) return resolve(pathId);
    return arg === null ? undefined : arg;
  });
}

function callMethod(proxy: Proxy, name: string, args: unknown[]): unknown {
  const method = proxy[camel(name)];
  if (typeof method !== "function") throw new Error(`The fake has no method ${camel(name)} to replay.`);
  return (method as (...a: unknown[]) => unknown).apply(proxy, args);
}

function queueLoad(proxy: Proxy, query: WireAction["QueryInfo"]): void {
  if (query?.Expand?.length) throw new Error("The harness does not replay loads of navigation properties.");
  (proxy.load as (spec?: string) => unknown).call(proxy, query?.Select?.join(","));
}

/** The Value of an instantiate or query result, in the shape the generated _handleResult code reads. */
function answerOf(action: WireAction, proxy: Proxy): unknown {
  if (proxy.isNullObject) return null;
  if (action.ActionType === 1) return {};
  return loadedValue(proxy, action.QueryInfo?.Select ?? []);
}

/**
 * What a load of `select` answers, as Excel nests it: a path through a navigation property
 * ("rows/count", "columns/name" on a table) is answered inside that property's own object
 * (`Rows: { Count }`, `Columns: { _Items: [{ Name }] }`), which the generated _handleResult
 * hands on to the child's; a collection's select names its items' properties.
 */
function loadedValue(proxy: Proxy, select: string[]): unknown {
  if (proxy instanceof FakeCollection) return { _Items: (proxy.items ?? []).map((item) => loadedValue(item, select)) };
  const value: Record<string, unknown> = {};
  const through = new Map<string, string[]>();
  for (const path of select) {
    const [head, ...rest] = path.split("/");
    if (rest.length === 0) value[pascal(head)] = proxy[head];
    else through.set(head, [...(through.get(head) ?? []), rest.join("/")]);
  }
  for (const [head, paths] of through) value[pascal(head)] = loadedValue(proxy[head] as Proxy, paths);
  return value;
}

/** Excel.run with the real client: a RequestContext over a session whose executor is `send`. */
export interface RealClient {
  readonly requests: CapturedRequest[];
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

type Send = (request: WireRequest) => Promise<ResponseBody>;

function sessionSending(send: Send, requests: CapturedRequest[]): object {
  const office = realOffice();
  class CapturingSession extends office.OfficeExtension.SessionBase {
    _createRequestExecutorOrNull() {
      return {
        executeAsync: async (_customData: unknown, _flags: number, message: { Body: WireRequest }) => {
          // Serialised exactly as RichApiMessageUtility does before it hands the request to Office.
          const text = JSON.stringify(message.Body);
          const captured: CapturedRequest = {
            body: JSON.parse(text) as WireRequest,
            bytes: Buffer.byteLength(text, "utf8"),
          };
          requests.push(captured);
          const body = await send(JSON.parse(text) as WireRequest);
          captured.responseBytes = Buffer.byteLength(JSON.stringify(body), "utf8");
          return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: body };
        },
      };
    }
  }
  return new CapturingSession();
}

/** Which Excel the real client answers as: the highest ExcelApi version it supports. */
export interface RealClientOptions {
  excelApi?: string;
}

function clientSending(send: Send, { excelApi = DEFAULT_EXCEL_API }: RealClientOptions = {}): RealClient {
  const requests: CapturedRequest[] = [];
  const office = realOffice();
  return {
    requests,
    run: async (batch) => {
      // Set at each run: clients at other versions may have run in between.
      declareExcelApi(office, excelApi);
      const context = new office.Excel.RequestContext(sessionSending(send, requests) as unknown as string);
      const result = await batch(context);
      // Like Excel.run: whatever is still queued goes in one more request (none when nothing is).
      await context.sync();
      return result;
    },
  };
}

/** The real client in front of the fake: every request is captured, then applied to the fake. */
export function realClientOver(fake: FakeExcel, options: RealClientOptions = {}): RealClient {
  return clientSending((request) => replayOnFake(fake, request), options);
}

/**
 * A RequestContext of the real client with nothing behind it, for tests that look at what one sync
 * sends: each request is captured and answered with no results.
 */
export function realContextCapturing({ excelApi = DEFAULT_EXCEL_API }: RealClientOptions = {}): {
  context: Excel.RequestContext;
  requests: CapturedRequest[];
} {
  declareExcelApi(realOffice(), excelApi);
  const requests: CapturedRequest[] = [];
  const session = sessionSending(async () => ({ Results: [] }), requests);
  return { context: new (realOffice().Excel.RequestContext)(session as unknown as string), requests };
}

/** The real client with nothing behind it: requests are captured and answered with no results. */
export function realClientCapturing(options: RealClientOptions = {}): RealClient {
  return clientSending(async () => ({ Results: [] }), options);
}

/** The toolkit the host works with, its clock, and which Excel the real client (and the host) take it for. */
export interface RealHostOptions extends RealClientOptions {
  toolkit: Toolkit;
  now: Date;
}

/**
 * The add-in's host over the real client in front of `fake`: the host asks the same Office the client answers as
 * (ExcelApi up to `excelApi`, versions compared part by part), so it never uses a member the client would refuse.
 */
export function realHostOver(
  fake: FakeExcel,
  { toolkit, now, excelApi = DEFAULT_EXCEL_API }: RealHostOptions,
): { client: RealClient; host: ExcelWorkbookHost } {
  const client = realClientOver(fake, { excelApi });
  const host = new ExcelWorkbookHost({
    run: client.run,
    isSetSupported: (name, version) => name === "ExcelApi" && atMost(version, excelApi),
    toolkit,
    now: () => now,
  });
  return { client, host };
}
