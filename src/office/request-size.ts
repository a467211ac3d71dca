/// <reference types="office-js" />
/**
 * How many bytes a batch of queued Office.js operations will take on the wire, estimated without the
 * real client (whose counter is internal and not there in every host), so that a large write can be
 * split into requests under Excel for the web's 5 MB request limit.
 *
 * The estimate mirrors the request body the office.js client builds (ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags): every object reached (workbook, worksheets, a sheet, a
 * range, its format, its font…) is an object path plus an "instantiate" action, every property set
 * is an action carrying its value as JSON, and every method call is an object path or an action
 * carrying its arguments. Queued code runs against recording proxies that count those pieces.
 * Where the real client's choice is not visible here it takes the larger: a method call is counted
 * as an object path with its instantiation (larger than a plain action), with room for the optional
 * arguments the client sends as null, and every object path as ending a "last used" list. A test
 * against the real client (test/office-real) holds the estimate at or above the real size, and close.
 */

/** Requests are kept under this, leaving headroom under Excel for the web's 5 MB. */
export const REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Object and action IDs run on across a request context's whole life, reads included. Counting
 * them from here on gives every ID at least 6 digits: the reads before a write use about ten IDs per
 * sheet read, so this covers workbooks of thousands of sheets.
 */
const IDS_BEFORE_WRITING = 100_000;

// Templates of the JSON the client sends; "#" stands for an ID, whose digits are counted apart.
const WRAPPER = '{"Actions":[],"ObjectPaths":{}}';
const ROOT_PATH = '"#":{"Id":#,"ObjectPathType":1,"Name":""},';
const PROPERTY_PATH = '"#":{"Id":#,"ObjectPathType":4,"Name":,"ParentObjectPathId":#},';
const METHOD_PATH = '"#":{"Id":#,"ObjectPathType":3,"Name":,"ParentObjectPathId":#,"ArgumentInfo":{"Arguments":[]}},';
const PATH_ARGUMENTS = ',"ReferencedObjectPathIds":[]';
const INSTANTIATE = '{"Id":#,"ActionType":1,"Name":"","ObjectPathId":#},';
const LAST_USED = ',"L":[],#';
const SET_PROPERTY = '{"Id":#,"ActionType":4,"Name":,"ObjectPathId":#,"ArgumentInfo":{"Arguments":[]}},';
/** Optional arguments left out are sent as null (protect's password, names.add's comment…). */
const OMITTED_ARGUMENTS = ",null,null,null";

const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** UTF-8 bytes of a string, as it goes over the wire. */
export function utf8Bytes(text: string): number {
  // Most of what is sized (JSON of formulas and formats) is printable ASCII, one byte a character: one scan by the
  // regular expression engine rather than a loop over every character.
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x800 && (code < 0xd800 || code > 0xdfff)) bytes += 2;
    else if (code >= 0x80 && code < 0x800) bytes += 1;
    // A surrogate pair is 2 UTF-16 units and 4 bytes: each unit adds 1.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
  }
  return bytes;
}

/** Range properties the client sends in slices when an array holds more than BULK_CELLS cells. */
const BULK_PROPERTIES = new Set(["formulas", "values", "numberFormat"]);
const BULK_CELLS = 1500;

function isLargeGrid(value: unknown): value is unknown[][] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    Array.isArray(value[0]) &&
    value.length * (value[0] as unknown[]).length > BULK_CELLS
  );
}

const json = (value: unknown) => JSON.stringify(value === undefined ? null : value);
const wireName = (name: string) => json(name.charAt(0).toUpperCase() + name.slice(1));

interface PathNode {
  /** Navigation properties already reached from this object (the client keeps one proxy each). */
  children: Map<string, PathNode>;
  proxy: object;
}

/** The pieces of one request: bytes other than IDs, how many IDs it holds, how many IDs it uses up. */
class RequestRecorder {
  private chars = 0;
  private idSlots = 0;
  idsUsed = 0;
  private readonly nodeOf = new WeakMap<object, PathNode>();
  readonly workbook: object;

  constructor() {
    this.charge(WRAPPER, 0);
    this.workbook = this.newNode(ROOT_PATH, 0).proxy;
  }

  bytes(idsBefore: number): number {
    const digits = String(IDS_BEFORE_WRITING + idsBefore + this.idsUsed).length;
    return this.chars + this.idSlots * digits;
  }

  private charge(template: string, contentBytes: number, ids = 0): void {
    const slots = template.split("#").length - 1;
    this.chars += template.length - slots + contentBytes;
    this.idSlots += slots;
    this.idsUsed += ids;
  }

  /** An object path: its definition, its instantiation, and its place in a "last used" list. */
  private newNode(template: string, contentBytes: number): PathNode {
    this.charge(template, contentBytes, 2);
    this.charge(INSTANTIATE, 0);
    this.charge(LAST_USED, 0);
    const node: PathNode = { children: new Map(), proxy: {} };
    node.proxy = this.proxyOf(node);
    this.nodeOf.set(node.proxy, node);
    return node;
  }

  private proxyOf(node: PathNode): object {
    return new Proxy(
      {},
      {
        get: (_target, name) => (typeof name === "symbol" || name === "then" ? undefined : this.member(node, name)),
        set: (_target, name, value) => {
          this.setProperty(String(name), value);
          return true;
        },
      },
    );
  }

  /** `object.name`: a method when called, a navigation property when used as an object. */
  private member(parent: PathNode, name: string): unknown {
    const property = () => this.property(parent, name).proxy as Record<string | symbol, unknown>;
    return new Proxy(function member() {}, {
      apply: (_target, _this, args: unknown[]) => this.call(name, args).proxy,
      get: (_target, key) => (typeof key === "symbol" || key === "then" ? undefined : property()[key]),
      set: (_target, key, value) => {
        property()[key] = value;
        return true;
      },
    });
  }

  private property(parent: PathNode, name: string): PathNode {
    let node = parent.children.get(name);
    if (!node) {
      node = this.newNode(PROPERTY_PATH, utf8Bytes(wireName(name)));
      parent.children.set(name, node);
    }
    return node;
  }

  private call(name: string, args: unknown[]): PathNode {
    const paths = args.map((arg) => (typeof arg === "object" && arg !== null ? this.nodeOf.get(arg) : undefined));
    const values = args.map((arg, i) => (paths[i] ? "#" : json(arg))).join(",") + OMITTED_ARGUMENTS;
    const referenced = paths.some(Boolean) ? PATH_ARGUMENTS + paths.map((p) => (p ? "#" : "0")).join(",") : "";
    const idsInArguments = paths.filter(Boolean).length * 2;
    this.idSlots += idsInArguments;
    return this.newNode(METHOD_PATH, utf8Bytes(wireName(name)) + utf8Bytes(values + referenced) - idsInArguments);
  }

  private setProperty(name: string, value: unknown): void {
    if (typeof value === "object" && value !== null && this.nodeOf.has(value)) {
      throw new Error(`Setting ${name} to an Office object is not something the request estimate knows how to size.`);
    }
    if (BULK_PROPERTIES.has(name) && isLargeGrid(value)) this.setInBulk(name, value);
    else this.charge(SET_PROPERTY, utf8Bytes(wireName(name)) + utf8Bytes(json(value)), 1);
  }

  /**
   * The client sends an array of more than 1,500 cells in slices, each set on a range of its own
   * (range.getRow(first).getBoundingRect(range.getRow(last))), after a check of the array's size
   * (setRangePropertiesInBulk in the client library).
   */
  private setInBulk(name: string, values: unknown[][]): void {
    const columns = values[0].length;
    const rowsPerSlice = Math.max(1, Math.round(BULK_CELLS / columns));
    this.call("_ValidateArraySize", [values.length, columns]);
    for (let first = 0; first < values.length; first += rowsPerSlice) {
      const slice = values.slice(first, first + rowsPerSlice);
      this.call("getRow", [first]);
      this.call("getBoundingRect", [this.call("getRow", [first + slice.length - 1]).proxy]);
      this.charge(SET_PROPERTY, utf8Bytes(wireName(name)) + utf8Bytes(json(slice)), 1);
    }
  }
}

/** A place for queued code to work: the request context and the sheets it writes to. */
export interface RequestTarget {
  context: Excel.RequestContext;
  sheet(key: string): Excel.Worksheet;
}

/** Makes the target of one request from its context. */
export type TargetOpener = (context: Excel.RequestContext) => RequestTarget;

/** A piece of a write that goes whole into one request; requests may be cut between any two steps. */
export type WriteStep = (target: RequestTarget) => void;

export interface RequestPlan {
  steps: WriteStep[];
  estimatedBytes: number;
}

/**
 * Cuts an ordered list of steps into as few consecutive requests as keep every request's estimated
 * size at or under the limit (filling each request in turn gives the fewest when the order must be
 * kept). A single step over the limit is an error: the writer keeps its steps small.
 *
 * Each request is estimated with a fresh recorder, so what several steps share (the workbook, a
 * sheet) is counted once in every request that uses it, as the client sends it.
 */
export function splitIntoRequests(
  steps: readonly WriteStep[],
  open: TargetOpener,
  limitBytes = REQUEST_LIMIT_BYTES,
): RequestPlan[] {
  const requests: RequestPlan[] = [];
  let idsBefore = 0;
  let current = startRequest(open);
  for (const step of steps) {
    step(current.target);
    if (current.recorder.bytes(idsBefore) > limitBytes && current.steps.length > 0) {
      requests.push({ steps: current.steps, estimatedBytes: current.accepted.bytes });
      idsBefore += current.accepted.ids;
      current = startRequest(open);
      step(current.target);
    }
    const bytes = current.recorder.bytes(idsBefore);
    // A bug, not the user's doing: the writer keeps its steps small.
    if (bytes > limitBytes) throw new Error(`A write step needs ${bytes} bytes, over a request's ${limitBytes}.`);
    current.steps.push(step);
    current.accepted = { bytes, ids: current.recorder.idsUsed };
  }
  if (current.steps.length > 0) requests.push({ steps: current.steps, estimatedBytes: current.accepted.bytes });
  return requests;
}

interface OpenRequest {
  recorder: RequestRecorder;
  target: RequestTarget;
  steps: WriteStep[];
  /** Estimated bytes and IDs used by the steps accepted so far. */
  accepted: { bytes: number; ids: number };
}

function startRequest(open: TargetOpener): OpenRequest {
  const recorder = new RequestRecorder();
  const context = { workbook: recorder.workbook } as unknown as Excel.RequestContext;
  return { recorder, target: open(context), steps: [], accepted: { bytes: 0, ids: 0 } };
}
