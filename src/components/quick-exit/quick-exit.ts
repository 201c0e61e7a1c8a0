/**
 * Quick exit ("Thoát nhanh"), after the GOV.UK Design System's "Exit this page".
 *
 * Enhances the plain link rendered by `src/components/quick-exit/QuickExit.astro`:
 * - a click blanks the page at once, announces, then `location.replace`s the
 *   exit URL (replace, so Back does not come back here);
 * - pressing Shift 3 times within 5 s of the first press does the same. A Shift
 *   used with another key does not count, and any other key starts over.
 *   Esc is not used: it stops page loads;
 * - `pageshow` (also a back/forward-cache restore) clears the overlay.
 *
 * Ships on every page: keep it small and free of imports. Strings come from
 * `src/i18n/vi.json` through the component's `data-*` attributes.
 */

const root = document.querySelector<HTMLElement>('[data-module="quick-exit"]');

if (root) {
  const link = root.querySelector<HTMLAnchorElement>('.js-quick-exit-button')!;
  const status = root.querySelector<HTMLElement>('.js-quick-exit-status')!;
  const overlay = root.querySelector<HTMLElement>('.js-quick-exit-overlay')!;
  /** `pressTwoMore`, `pressOneMore`, `timedOut`, `exiting`. */
  const text = root.dataset;
  const html = document.documentElement.classList;

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

  const exit = () => {
    reset();
    // Blank the page first: the overlay covers it, and the CSS hung on `html`
    // takes everything else out of view, tab order and the accessibility tree.
    overlay.hidden = false;
    html.add('quick-exit-active');
    say(text['exiting']);
    // No Referer reaches the exit site: the layout's <meta name="referrer"
    // content="no-referrer"> covers this navigation too (tested).
    location.replace(link.href);
  };

  link.addEventListener('click', (event) => {
    event.preventDefault();
    exit();
  });

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
    true,
  );

  addEventListener(
    'keyup',
    (event) => {
      if (event.key != 'Shift' || modified) return;
      if (++presses > 2) return exit();
      if (presses == 1) {
        timer = setTimeout(() => {
          presses = 0;
          say(text['timedOut']);
        }, 5000);
      }
      say(presses == 1 ? text['pressTwoMore'] : text['pressOneMore']);
    },
    true,
  );

  // Coming back (Back button, back/forward cache): give the page back.
  addEventListener('pageshow', () => {
    reset();
    say();
    overlay.hidden = true;
    html.remove('quick-exit-active');
  });
}
