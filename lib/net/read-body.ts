// Reading a response's body with a byte cap and a stall timer: what a fetch of somebody else's file needs so
// that a 2 GB answer, an endless one or one that stops sending half-way ends with a clear reason instead of
// filling the memory or waiting forever. `arrayBuffer()` would hold the whole answer before anything could be
// said about its size. Used by the report view (a PDF or DOCX the user asked for) and the batch fetcher (every
// report a list page links).

/**
 * Why readBody stopped: too large — by the length the answer declared (`declared`: nothing of it was read), or
 * past the cap while it streamed (`bytes`: what had come) — or stalled.
 */
export type BodyStop = { kind: 'too-large'; bytes: number; declared: boolean } | { kind: 'stalled'; afterMs: number };

/** Thrown by readBody: why it stopped reading. */
export class BodyStopped extends Error {
  constructor(readonly stop: BodyStop) {
    super(stop.kind === 'too-large' ? `body over ${stop.bytes} bytes` : `no data for ${stop.afterMs} ms`);
    this.name = 'BodyStopped';
  }
}

export interface ReadBodyOptions {
  /** More bytes than this: stop (the stream is cancelled) with `too-large`. */
  maxBytes: number;
  /** No chunk for this long: stop with `stalled` (and abort `abort`, which ends the connection). */
  stallMs?: number;
  /** Aborted on a stop, so the request itself ends (the fetch's signal). */
  abort?: AbortController;
}

/**
 * The body of `res` as bytes, never more than `maxBytes` of them held: refused unread when its declared length
 * is over the cap, else read chunk by chunk from its stream (cancelled as soon as the total passes the cap, or
 * when no chunk came for `stallMs`). A response without a stream is read whole, then measured.
 */
export async function readBody(res: Response, o: ReadBodyOptions): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > o.maxBytes) {
    o.abort?.abort();
    void res.body?.cancel().catch(() => undefined);
    throw new BodyStopped({ kind: 'too-large', bytes: declared, declared: true });
  }
  const reader = res.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength > o.maxBytes)
      throw new BodyStopped({ kind: 'too-large', bytes: bytes.byteLength, declared: false });
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stalled = false;
  const arm = () => {
    if (o.stallMs === undefined) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      o.abort?.abort();
      void reader.cancel().catch(() => undefined);
    }, o.stallMs);
  };
  try {
    arm();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (stalled) throw new BodyStopped({ kind: 'stalled', afterMs: o.stallMs! });
        throw e;
      }
      if (stalled) throw new BodyStopped({ kind: 'stalled', afterMs: o.stallMs! });
      if (step.done) break;
      total += step.value.byteLength;
      if (total > o.maxBytes) {
        o.abort?.abort();
        void reader.cancel().catch(() => undefined);
        throw new BodyStopped({ kind: 'too-large', bytes: total, declared: false });
      }
      chunks.push(step.value);
      arm();
    }
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
