/** State a controller holds and the UI renders: read `current`, `subscribe` to changes. */
export class Observable<S> {
  private readonly listeners = new Set<(s: S) => void>();

  constructor(protected state: S) {}

  get current(): S {
    return this.state;
  }

  subscribe(l: (s: S) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }
}
