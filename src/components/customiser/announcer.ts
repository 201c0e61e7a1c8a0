/**
 * Screen-reader announcements through two polite live regions used in turn
 * (after Pagefind's `core/announcer.ts`): writing into the region that was empty
 * makes every message heard, even one equal to the last.
 */

/** Delay before writing the text: VoiceOver on Safari misses text set at once. */
const ANNOUNCE_DELAY_MS = 100;

export class Announcer {
  private index = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly regions: readonly [HTMLElement, HTMLElement];

  /** `regions`: two empty elements with `role="status"` (polite), already in the page. */
  constructor(regions: readonly [HTMLElement, HTMLElement]) {
    this.regions = regions;
  }

  announce(message: string): void {
    if (!message) return;
    clearTimeout(this.timer);
    const region = this.regions[this.index];
    const other = this.regions[1 - this.index];
    this.index = 1 - this.index;
    if (other) other.textContent = '';
    this.timer = setTimeout(() => {
      if (region) region.textContent = message;
    }, ANNOUNCE_DELAY_MS);
  }
}
