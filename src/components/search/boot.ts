/**
 * Search in the header (src/components/search/SiteSearch.astro), on every page,
 * and the start of the /tim-kiem/ page's search.
 *
 * Ships on every page, so it stays small and loads nothing by itself: the
 * search code (`search-panel.ts`) and Pagefind load only when a search starts
 * (the header button gets focus or is pressed, `/` is typed, or the search
 * page's field gets focus or its address has `?q=`).
 *
 * The dialog: `/` or the button opens it; Esc, the close button or a click
 * outside closes it, and focus returns to where it was. It is opened with
 * `show()`, not `showModal()`: a modal dialog makes everything else inert,
 * including the quick exit. Instead everything outside the dialog is made
 * inert by hand except the quick exit, which stays above the dialog, usable by
 * mouse, touch and keyboard (Shift+Tab from the dialog reaches it) while the
 * dialog is open. Screen readers get `aria-modal` on the dialog.
 */
export {};

type Panel = typeof import('./search-panel');

let panelModule: Promise<Panel> | undefined;
const loadPanel = () => {
  // Fetch Pagefind's script alongside the search code rather than after it
  // (search-panel.ts imports the same URL, which the browser then has).
  import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind.js`).catch(() => {});
  return (panelModule ??= import('./search-panel'));
};

/** Runs `use` with the search code, or says in the panel that it could not load. */
const withPanel = (panelRoot: HTMLElement | null, use: (panel: Panel) => void) =>
  void loadPanel().then(use, () => {
    panelModule = undefined;
    const status = panelRoot?.querySelector('.js-search-status');
    if (status) status.textContent = (JSON.parse(panelRoot!.dataset['strings'] ?? '{}') as { error?: string }).error ?? '';
  });

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The /tim-kiem/ page's own panel, if this is that page. */
const pagePanel = document.querySelector<HTMLElement>('[data-search-panel][data-sync-url]');

if (pagePanel) {
  const start = () =>
    withPanel(pagePanel, (panel) => {
      panel.preload();
      panel.mount(pagePanel);
    });
  if (new URLSearchParams(location.search).get('q')?.trim()) start();
  else pagePanel.addEventListener('focusin', start, { once: true });
}

const root = document.querySelector<HTMLElement>('[data-module="site-search"]');

if (root) {
  const button = root.querySelector<HTMLButtonElement>('.js-site-search-open')!;
  const template = root.querySelector<HTMLTemplateElement>('.js-site-search-template')!;
  let dialog: HTMLDialogElement | undefined;
  /** Elements this script made inert while the dialog is open. */
  let inerted: HTMLElement[] = [];
  /** Where focus was before opening. */
  let returnFocus: HTMLElement | null = null;

  const warm = () => withPanel(null, (panel) => panel.preload());

  const createDialog = () => {
    const created = template.content.firstElementChild!.cloneNode(true) as HTMLDialogElement;
    document.body.append(created);
    created.querySelector('.js-search-dialog-close')!.addEventListener('click', () => created.close());
    created.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        created.close();
      }
    });
    // A click on the backdrop (the dialog itself, outside its box) closes it.
    created.addEventListener('click', (event) => {
      if (event.target === created) created.close();
    });
    created.addEventListener('close', () => {
      for (const element of inerted) element.inert = false;
      inerted = [];
      document.documentElement.classList.remove('search-open');
      (returnFocus?.isConnected ? returnFocus : button).focus();
    });
    return created;
  };

  const open = () => {
    if (pagePanel) {
      pagePanel.querySelector('input')?.focus();
      return;
    }
    dialog ??= createDialog();
    const input = dialog.querySelector('input')!;
    if (!dialog.open) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      for (const element of document.body.children) {
        if (element === dialog || element.matches('[data-module="quick-exit"]')) continue;
        if (element instanceof HTMLElement && !element.inert) {
          element.inert = true;
          inerted.push(element);
        }
      }
      document.documentElement.classList.add('search-open');
      dialog.show();
    }
    input.focus();
    const panelRoot = dialog.querySelector<HTMLElement>('[data-search-panel]')!;
    withPanel(panelRoot, (panel) => {
      panel.preload();
      panel.mount(panelRoot);
    });
  };

  button.addEventListener('click', open);
  button.addEventListener('focus', warm);
  button.addEventListener('pointerdown', warm);
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    open();
  });
}
