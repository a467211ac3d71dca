/**
 * The request machinery of the fake: proxies queue operations, `context.sync()` applies them in
 * order and only then makes loaded properties readable — Office's batching model, which code that
 * works against office-addin-mock (applied at once, never throws) gets wrong.
 */
import { officeError } from "./errors";
import type { WorkbookState } from "./state";

export interface SyncRecord {
  /** Queued operations sent in this sync: property sets, method calls and loads. */
  operations: number;
  /** Approximate size of the request (JSON of every argument, plus each operation's overhead), in bytes. */
  requestBytes: number;
  /** Approximate size of what the loads returned, in bytes. */
  responseBytes: number;
}

export interface FakeHost {
  readonly state: WorkbookState;
  readonly options: { payloadLimitBytes: number };
  /** When set, every sync from now on never settles (to test timeouts). */
  hangSyncs: boolean;
  /** Milliseconds every sync takes before it applies (a slow Excel for the web), 0 for none. */
  syncDelayMs: number;
  /** When set, the next sync rejects with this error before applying anything. */
  failNextSync?: Error;
  recordSync(record: SyncRecord): void;
}

interface Operation {
  payload: unknown;
  /** The payload's size when it was worked out as it was queued (a property set's value, serialised then). */
  size?: number;
  run(): void;
}

const sizeOf = (value: unknown) => {
  try {
    return JSON.stringify(value ?? null).length;
  } catch {
    return 64;
  }
};
/**
 * Per-operation overhead of Office's JSON request format: the object paths an operation goes
 * through (sheet, range, format, font…), their instantiations, the action and its IDs. Measured
 * with the real office.js client (test/office-real/requests.test.ts holds the fake's estimate at or
 * above the real request): about 260 bytes an operation for this add-in's writes.
 */
const OPERATION_OVERHEAD = 300;

export class FakeRequestContext {
  private queue: Operation[] = [];
  private created: FakeClientObject[] = [];
  private responseBytes = 0;
  readonly syncs: SyncRecord[] = [];
  /** Every property set queued on this context, as "Class.property" (to compare with the real client's request). */
  readonly propertySets: string[] = [];
  // The workbook proxy is attached by the entry module (avoids a require cycle).
  workbook!: unknown;

  constructor(readonly host: FakeHost) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  enqueue(payload: unknown, run: () => void, size?: number): void {
    this.queue.push({ payload, size, run });
  }

  register(object: FakeClientObject): void {
    this.created.push(object);
  }

  countResponse(bytes: number): void {
    this.responseBytes += bytes;
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    this.responseBytes = 0;
    const requestBytes = batch.reduce((sum, op) => sum + (op.size ?? sizeOf(op.payload)) + OPERATION_OVERHEAD, 0);
    const record: SyncRecord = { operations: batch.length, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    this.host.recordSync(record);
    if (this.host.hangSyncs) return new Promise<void>(() => undefined);
    if (this.host.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.host.syncDelayMs));
    // A round trip: nothing is applied, and nothing loaded is readable, until the promise settles.
    await new Promise((resolve) => setImmediate(resolve));
    const failure = this.host.failNextSync;
    if (failure) {
      this.host.failNextSync = undefined;
      throw failure;
    }
    if (requestBytes > this.host.options.payloadLimitBytes) {
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    for (const op of batch) op.run();
    for (const object of created) object.settle();
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.host.options.payloadLimitBytes) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
      );
    }
  }
}

export interface Accessor<T> {
  get?: (target: T, self: FakeClientObject) => unknown;
  set?: (target: T, value: unknown, self: FakeClientObject) => void;
}

type Ctor = { accessors?: Record<string, Accessor<never>>; prototype: object; name: string };

/**
 * Installs Office-style properties on a proxy class: reading needs load + sync, writing queues.
 * Keeps each fake class a short table of what the property means for the state.
 */
export function defineAccessors<T>(ctor: Ctor, accessors: Record<string, Accessor<T>>): void {
  ctor.accessors = accessors as Record<string, Accessor<never>>;
  for (const [name, accessor] of Object.entries(accessors)) {
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      get(this: FakeClientObject) {
        return this.readLoaded(name);
      },
      set(this: FakeClientObject, value: unknown) {
        if (!accessor.set) throw new TypeError(`${ctor.name}.${name} is read-only`);
        const apply = accessor.set;
        // Office serialises the value when it is set: later changes to the caller's array do not count. The
        // serialised text is also the request's share for it (sizeOf, without serialising it again at sync).
        const wire = value === undefined ? "null" : JSON.stringify(value);
        const sent = value === undefined ? value : (JSON.parse(wire) as unknown);
        this.context.propertySets.push(`${ctor.name.replace(/^Fake/, "")}.${name}`);
        this.queue(sent, (target) => apply(target as T, sent, this), wire.length);
      },
    });
  }
}

function parseLoadSpec(spec: unknown): string[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s) ?? []);
  if (spec && typeof spec === "object" && "select" in spec) return parseLoadSpec((spec as { select: unknown }).select);
  throw officeError("InvalidArgument", "load() takes property names.");
}

/**
 * Thrown by a proxy's `locate` when the proxy it was reached through is a null object. Office
 * documents *OrNullObject proxies (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties)
 * but not what a proxy reached through one is; the fake makes it a null object too (its loads
 * answer null, its sets and calls do nothing), which is how the host's one-sync read expects Excel
 * to behave. Should Excel refuse such a request instead, nothing has changed and the host reads
 * again without going through null objects (src/office/read-assessment.ts).
 */
export class ReachedThroughNull extends Error {
  constructor() {
    super("Reached through a null object.");
  }
}

/** Base of every proxy: lazy binding to the state, loads, null objects. */
export abstract class FakeClientObject {
  private readonly loaded = new Map<string, unknown>();
  private settled = false;
  private wasNull = false;
  private bound: unknown = undefined;

  constructor(
    readonly context: FakeRequestContext,
    /** Finds the state object at sync time; null when it does not exist. */
    private readonly locate: () => unknown,
    /** true for *OrNullObject proxies: a missing target is a null object, not an error. */
    protected readonly nullable = false,
  ) {
    context.register(this);
  }

  /** The state object, bound on first use like Office binds a proxy to an object ID. */
  target(): unknown {
    if (this.bound !== undefined) return this.bound;
    let found: unknown;
    try {
      found = this.locate();
    } catch (error) {
      if (error instanceof ReachedThroughNull) return null;
      throw error;
    }
    if (found === null || found === undefined) {
      if (this.nullable) return null;
      throw officeError("ItemNotFound", `The requested ${this.constructor.name.replace(/^Fake/, "")} does not exist.`);
    }
    this.bound = found;
    return found;
  }

  /** This proxy's state object, for a proxy reached through it: a null object passes its nullness on. */
  live(): unknown {
    const target = this.target();
    if (target === null) throw new ReachedThroughNull();
    return target;
  }

  /** Queues a property set or method call; calls on a null object do nothing (Office's null-object rule). */
  queue(payload: unknown, apply: (target: unknown) => void, size?: number): void {
    this.context.enqueue(
      payload,
      () => {
        const target = this.target();
        if (target !== null) apply(target);
      },
      size,
    );
  }

  settle(): void {
    try {
      this.wasNull = this.target() === null;
    } catch {
      this.wasNull = false;
    }
    this.settled = true;
  }

  get isNullObject(): boolean {
    if (!this.settled) {
      throw officeError(
        "PropertyNotLoaded",
        `${this.constructor.name}.isNullObject is not available until context.sync() has run.`,
      );
    }
    return this.wasNull;
  }

  readLoaded(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw officeError(
        "PropertyNotLoaded",
        `The property '${name}' of ${this.constructor.name.replace(/^Fake/, "")} is not available. Before reading it, call load() and context.sync().`,
      );
    }
    return this.loaded.get(name);
  }

  /** Keeps a loaded value for reading after sync; `responseBytes` is its share of Office's answer. */
  protected storeLoaded(name: string, value: unknown, { responseBytes }: { responseBytes: number }): void {
    this.context.countResponse(responseBytes);
    this.loaded.set(name, value);
  }

  /** Navigation properties (format, font, protection…) that a load path may go through. */
  protected children(): Record<string, FakeClientObject> {
    return {};
  }

  load(spec?: string | string[] | { select?: string }): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue(spec ?? null, () => this.applyLoad(paths));
    return this;
  }

  applyLoad(paths: string[] | undefined): void {
    const target = this.target();
    if (target === null) return;
    const accessors = (this.constructor as unknown as Ctor).accessors ?? {};
    const wanted = paths ?? Object.keys(accessors).filter((name) => accessors[name].get);
    for (const path of wanted) this.loadPath(path, target, accessors);
  }

  protected loadPath(path: string, target: unknown, accessors: Record<string, Accessor<never>>): void {
    const [head, ...rest] = path.split("/");
    const child = this.children()[head];
    if (child) {
      child.applyLoad(rest.length > 0 ? [rest.join("/")] : undefined);
      return;
    }
    const accessor = accessors[head];
    if (!accessor?.get || rest.length > 0) {
      throw officeError(
        "InvalidArgument",
        `${this.constructor.name.replace(/^Fake/, "")} has no property '${path}' to load.`,
      );
    }
    // Serialised once, for the copy the caller reads (as Office answers in JSON) and for the response's size.
    const value = accessor.get(target as never, this);
    const wire = JSON.stringify(value ?? null);
    this.storeLoaded(head, value === undefined ? value : JSON.parse(wire), { responseBytes: wire.length });
  }
}

/** A collection proxy: `items` become readable after load + sync, each item a proxy bound to its state. */
export abstract class FakeCollection<TState, TItem extends FakeClientObject> extends FakeClientObject {
  private readonly itemProxies = new Map<TState, TItem>();

  protected abstract states(target: unknown): TState[];
  protected abstract itemFor(state: TState): TItem;

  get items(): TItem[] {
    return this.readLoaded("items") as TItem[];
  }

  protected proxyFor(state: TState): TItem {
    let proxy = this.itemProxies.get(state);
    if (!proxy) {
      proxy = this.itemFor(state);
      this.itemProxies.set(state, proxy);
      proxy.settle();
    }
    return proxy;
  }

  override applyLoad(paths: string[] | undefined): void {
    const target = this.target();
    if (target === null) return;
    const items = this.states(target).map((state) => this.proxyFor(state));
    // "items/name" and "name" both mean the items' name, as in office.js.
    const itemPaths = (paths ?? []).map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    for (const item of items) item.applyLoad(itemPaths.length > 0 ? itemPaths : undefined);
    // Each item's properties were counted as it loaded them; the collection itself answers with its count.
    this.storeLoaded("items", items, { responseBytes: sizeOf(items.length) });
  }
}
