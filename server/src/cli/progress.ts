/** A one-line progress bar on stderr (files done, MB/s, ETA when the total is known); silent unless stderr is a terminal. */
import type { Writable } from 'node:stream';
import type { Localize } from '../service/messages';

export class Progress {
  private done = 0;
  private bytes = 0;
  private readonly started = Date.now();
  private shownAt = 0;
  private shown = false;
  private readonly active: boolean;

  constructor(
    private readonly out: Writable & { isTTY?: boolean; columns?: number },
    private readonly t: Localize,
    private readonly total?: number,
  ) {
    this.active = !!out.isTTY;
  }

  tick(bytes: number): void {
    this.done++;
    this.bytes += bytes;
    if (!this.active) return;
    const now = Date.now();
    // At most ten redraws a second: a terminal is slower than the analysis of a short article.
    if (now - this.shownAt < 100 && this.done !== this.total) return;
    this.shownAt = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = (this.bytes / 1e6 / seconds).toFixed(2);
    let line: string;
    if (this.total) {
      const eta = Math.round(((this.total - this.done) * seconds) / this.done);
      const width = 20;
      const filled = Math.round((width * this.done) / this.total);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.t('cli.corpus.progressEta', `${this.done}/${this.total}`, rate, eta)}`;
    } else line = this.t('cli.corpus.progress', this.done, rate);
    this.out.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
