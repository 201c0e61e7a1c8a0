/**
 * `<quick-exit>`: the quick exit ("Thoát nhanh"), after the GOV.UK Design
 * System's "Exit this page". Enhances the plain link that
 * `src/components/quick-exit/QuickExit.astro` renders:
 * - a click blanks the page at once, announces, then `location.replace`s the
 *   exit URL (replace, so Back does not come back here);
 * - pressing Shift 3 times within 5 s of the first press does the same. A Shift
 *   used with another key does not count, and any other key starts over.
 *   Esc is not used: it stops page loads;
 * - `pageshow` (also a back/forward-cache restore) clears the overlay.
 *
 * Ships on every page, inlined in the HTML so it works before anything else
 * arrives: keep it small and free of imports (a shared module would turn it into
 * a file to fetch). So it parses its `data-strings` (written by `dataStrings()`,
 * src/i18n/index.ts) itself rather than through `readStrings`: there are no
 * placeholders to fill.
 */
import type { UiKey } from '../../i18n/index.ts';

type Strings = Partial<Record<UiKey, string>>;

class QuickExitElement extends HTMLElement {
  #events: AbortController | undefined;

  connectedCallback(): void {
    const link = this.querySelector<HTMLAnchorElement>('.js-quick-exit-button');
    const status = this.querySelector<HTMLElement>('.js-quick-exit-status');
    const overlay = this.querySelector<HTMLElement>('.js-quick-exit-overlay');
    if (!link || !status || !overlay) return;
    const text = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    const html = document.documentElement.classList;
    this.#events = new AbortController();
    const { signal } = this.#events;

    /** Shift presses counted so far in this sequence. */
    let presses = 0;
    /** Ends the sequence 5 s after its first press. */
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** A key other than Shift went down since Shift last went down. */
    let modified = false;

    /** Sets the live region's text; screen readers read it out. */
    const say = (message = '') => {
      status.textContent = message;
    };

    const reset = () => {
      clearTimeout(timer);
      presses = 0;
    };
    signal.addEventListener('abort', reset);

    const exit = () => {
      reset();
      // Blank the page first: the overlay covers it, and the CSS hung on `html`
      // takes everything else out of view, tab order and the accessibility tree.
      overlay.hidden = false;
      html.add('quick-exit-active');
      say(text['quickExit.exiting']);
      // No Referer reaches the exit site: the layout's <meta name="referrer"
      // content="no-referrer"> covers this navigation too (tested).
      location.replace(link.href);
    };

    link.addEventListener(
      'click',
      (event) => {
        event.preventDefault();
        exit();
      },
      { signal },
    );

    addEventListener(
      'keydown',
      (event) => {
        if (event.key != 'Shift') {
          modified = true;
          if (presses) {
            reset();
            say();
          }
        } else if (!event.repeat) {
          modified = false;
        }
      },
      { capture: true, signal },
    );

    addEventListener(
      'keyup',
      (event) => {
        if (event.key != 'Shift' || modified) return;
        if (++presses > 2) return exit();
        if (presses == 1) {
          timer = setTimeout(() => {
            presses = 0;
            say(text['quickExit.timedOut']);
          }, 5000);
        }
        say(presses == 1 ? text['quickExit.pressTwoMore'] : text['quickExit.pressOneMore']);
      },
      { capture: true, signal },
    );

    // Coming back (Back button, back/forward cache): give the page back.
    addEventListener(
      'pageshow',
      () => {
        reset();
        say();
        overlay.hidden = true;
        html.remove('quick-exit-active');
      },
      { signal },
    );
  }

  disconnectedCallback(): void {
    this.#events?.abort();
  }
}

if (!customElements.get('quick-exit')) customElements.define('quick-exit', QuickExitElement);
