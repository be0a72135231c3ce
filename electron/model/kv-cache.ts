/**
 * A decoder's KV state after some tokens, as the generation loop and the
 * prefix cache hold it: a handle on tensors kept in the decoder's own thread
 * (decoder-client.ts says why they live there).
 *
 * Each handle owns one reference to its state; the state is freed in the
 * decoder's thread when the last handle is released. Freeing cannot be left
 * to the garbage collector: with a 2,000-token record one state is ~50 MB,
 * a new one comes every decode step, and this thread's collector has no
 * reason to run that often.
 */

/** One state in the decoder's thread and the handles that refer to it. */
export class KvSlot {
  refs = 1;
  constructor(
    readonly id: number,
    private readonly free: (id: number) => void,
  ) {}

  unref(): void {
    if (--this.refs === 0) this.free(this.id);
  }
}

export class KvState {
  private released = false;

  private constructor(
    /** Tokens the state covers. */
    readonly length: number,
    private readonly slot: KvSlot | undefined,
  ) {}

  /** The state before any token (nothing to free). */
  static empty(): KvState {
    return new KvState(0, undefined);
  }

  /** The first handle on a new state (made by the decoder client for each pass). */
  static owning(slot: KvSlot, length: number): KvState {
    return new KvState(length, slot);
  }

  /** Where the state is, for a request to the decoder's thread: its slot (0: empty) and how many of its tokens count. */
  get ref(): { readonly slot: number; readonly length: number } {
    if (this.released) throw new Error('a KV state was used after it was released');
    return { slot: this.slot?.id ?? 0, length: this.length };
  }

  /**
   * A new handle on the first `length` tokens of this state, to be released
   * by its holder. Nothing is copied here: the decoder cuts the state when a
   * pass next starts from it.
   */
  truncate(length: number): KvState {
    if (this.released) throw new Error('a KV state was used after it was released');
    if (this.slot) this.slot.refs++;
    return new KvState(Math.min(Math.max(0, length), this.length), this.slot);
  }

  /** Another handle on the whole state, to be released by its holder. */
  share(): KvState {
    return this.truncate(this.length);
  }

  /** Gives up this handle; the state is freed once no handle refers to it. Releasing twice does nothing. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.slot?.unref();
  }
}
