/** A binary min-heap of (time, entity) pairs: which traced entity pays or is paid next. */
export class TimeHeap {
  private readonly times: number[] = [];
  private readonly items: number[] = [];

  get size(): number {
    return this.times.length;
  }

  /** The smallest time (undefined when empty). */
  peek(): number | undefined {
    return this.times[0];
  }

  push(time: number, item: number): void {
    const t = this.times;
    const it = this.items;
    let i = t.length;
    t.push(time);
    it.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (t[parent]! <= time) break;
      t[i] = t[parent]!;
      it[i] = it[parent]!;
      i = parent;
    }
    t[i] = time;
    it[i] = item;
  }

  /** Removes and returns the item with the smallest time. */
  pop(): number | undefined {
    const t = this.times;
    const it = this.items;
    if (t.length === 0) return undefined;
    const top = it[0]!;
    const lastT = t.pop()!;
    const lastI = it.pop()!;
    if (t.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= t.length) break;
      if (c + 1 < t.length && t[c + 1]! < t[c]!) c++;
      if (t[c]! >= lastT) break;
      t[i] = t[c]!;
      it[i] = it[c]!;
      i = c;
    }
    t[i] = lastT;
    it[i] = lastI;
    return top;
  }
}
