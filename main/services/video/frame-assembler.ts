/**
 * Cuts a byte stream of fixed-size raw frames into frames. Pipe chunks (typically 64 KiB) rarely line up with
 * frame boundaries; each byte is copied exactly once into its frame's own buffer, so the cost is linear
 * (no growing concatenations) and a frame handed out is never overwritten later.
 */
export class FrameAssembler {
  private current: Buffer | undefined;
  private filled = 0;

  constructor(readonly frameSize: number) {
    if (!(frameSize > 0)) throw new RangeError(`frame size must be positive, got ${frameSize}`);
  }

  /** Returns the frames this chunk completed (often none, sometimes several for tiny frames). */
  push(chunk: Uint8Array): Buffer[] {
    const done: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const rest = this.frameSize - this.filled;
      if (this.filled === 0 && chunk.length - offset >= this.frameSize) {
        // A whole frame inside the chunk: a copy keeps the chunk's memory from being retained by the frame.
        done.push(Buffer.from(chunk.subarray(offset, offset + this.frameSize)));
        offset += this.frameSize;
        continue;
      }
      this.current ??= Buffer.allocUnsafe(this.frameSize);
      const n = Math.min(rest, chunk.length - offset);
      this.current.set(chunk.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      if (this.filled === this.frameSize) {
        done.push(this.current);
        this.current = undefined;
        this.filled = 0;
      }
    }
    return done;
  }

  /** Bytes of an incomplete last frame (a decoder that stopped mid-frame); 0 after a clean end. */
  get pendingBytes(): number {
    return this.filled;
  }
}
