// recharts sizes its charts with ResizeObserver, which jsdom lacks; this one
// reports a fixed size, as jsdom lays nothing out.
class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { width: 480, height: 240 } as DOMRectReadOnly;
    this.callback(
      [{ target, contentRect } as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}

/** Installs the stub for the tests of one file. */
export function stubResizeObserver() {
  const real = globalThis.ResizeObserver;
  beforeAll(() => {
    globalThis.ResizeObserver =
      ResizeObserverStub as unknown as typeof ResizeObserver;
  });
  afterAll(() => {
    globalThis.ResizeObserver = real;
  });
}
