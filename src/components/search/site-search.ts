/**
 * `<site-search>`: search in the header (SiteSearch.astro), on every page.
 *
 * Without JavaScript the header links to /muc-luc/. With it, the button or `/`
 * opens a dialog holding a `<search-panel>`, cloned from the component's
 * <template> on first use; Esc, the close button or a click outside closes it,
 * and focus returns to where it was. On /tim-kiem/, the button and `/` go to
 * the page's own search field instead. Focus on the button, or a press on it,
 * starts loading the search code (`preloadSearch()`).
 *
 * The dialog is opened with `show()`, not `showModal()`: a modal dialog makes
 * everything else inert, including the quick exit. Instead everything outside
 * the dialog is made inert by hand except the `<quick-exit>`, which stays above
 * the dialog, usable by mouse, touch and keyboard (Shift+Tab from the dialog
 * reaches it) while the dialog is open. Screen readers get `aria-modal` on the
 * dialog.
 */
import { loadSearch, preloadSearch } from './search-panel.ts';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

class SiteSearchElement extends HTMLElement {
  #events: AbortController | undefined;
  #button: HTMLButtonElement | null = null;
  #dialog: HTMLDialogElement | undefined;
  /** Elements made inert while the dialog is open. */
  #inerted: HTMLElement[] = [];
  /** Where focus was before opening. */
  #returnFocus: HTMLElement | null = null;

  connectedCallback(): void {
    this.#button = this.querySelector<HTMLButtonElement>('.js-site-search-open');
    if (!this.#button) return;
    this.#events = new AbortController();
    const { signal } = this.#events;
    this.#button.addEventListener('click', () => this.open(), { signal });
    this.#button.addEventListener('focus', preloadSearch, { signal });
    this.#button.addEventListener('pointerdown', preloadSearch, { signal });
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
        event.preventDefault();
        this.open();
      },
      { signal },
    );
  }

  disconnectedCallback(): void {
    this.#events?.abort();
  }

  /** Opens the dialog (or, on /tim-kiem/, goes to the page's field) and starts the search. */
  open(): void {
    const pagePanel = document.querySelector('search-panel[data-sync-url]');
    if (pagePanel) {
      pagePanel.querySelector('input')?.focus();
      return;
    }
    // First, so that the search's files are requested before the dialog is made and laid out
    // (the panel's `start()` below then takes them, and warms the search once).
    void loadSearch();
    const dialog = (this.#dialog ??= this.#createDialog());
    if (!dialog.open) {
      // Opened by "/" with nothing focused: back to the search button, not to the top of the page
      // (where the next Tab would reach the quick exit).
      const active = document.activeElement;
      this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : this.#button;
      for (const element of document.body.children) {
        if (element === dialog || element.localName === 'quick-exit') continue;
        if (element instanceof HTMLElement && !element.inert) {
          element.inert = true;
          this.#inerted.push(element);
        }
      }
      document.documentElement.classList.add('search-open');
      dialog.show();
    }
    dialog.querySelector('input')?.focus();
    dialog.querySelector('search-panel')?.start();
  }

  #createDialog(): HTMLDialogElement {
    const template = this.querySelector<HTMLTemplateElement>('.js-site-search-template')!;
    const dialog = template.content.firstElementChild!.cloneNode(true) as HTMLDialogElement;
    document.body.append(dialog);
    dialog.querySelector('.js-search-dialog-close')!.addEventListener('click', () => dialog.close());
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        dialog.close();
      }
    });
    // A click on the backdrop (the dialog itself, outside its box) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      for (const element of this.#inerted) element.inert = false;
      this.#inerted = [];
      document.documentElement.classList.remove('search-open');
      (this.#returnFocus?.isConnected ? this.#returnFocus : this.#button)?.focus();
    });
    return dialog;
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearchElement);
