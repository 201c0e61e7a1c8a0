/**
 * `<print-customiser>`: the customiser page's form, live preview and downloads,
 * made in the browser by the same engine as the build's files (`src/shared/print/`).
 * Nothing typed leaves the page: the fonts are fetched from this site, and the
 * files are made here and handed to the browser as downloads.
 *
 * Enhances the server-rendered markup of `src/components/customiser/PrintCustomiser.astro`;
 * finds its elements only through `js-customiser-*` classes and the field names of
 * `src/shared/customiser-params.ts`. Strings come from `src/i18n/vi.json` through
 * the element's `data-strings` (`readStrings`).
 *
 * Light first: this module is the form only. The engine (fontkit, layout, SVG, then
 * pdf-lib) and the print fonts load in a worker (`engine.worker.ts`), started as soon
 * as this script runs, and every layout runs there, so typing never waits
 * for it. `data-state` says where it is: `loading`, then `ready` once the engine
 * is loaded and the first preview drawn, or `failed`.
 */
import { readStrings, type UiText } from '../../i18n/read-strings.ts';
import { CROP_MARKS_ON, CUSTOMISER_PARAMS, readCustomiserPreset } from '../../shared/customiser-params.ts';
import { FORMATS, findFormat, isPrintFormat, printFileName, type PrintFormat } from '../../shared/print/formats.ts';
import { artworkHeading, presentedText } from '../../shared/presentation.ts';
import { pdfDate } from '../../shared/publishing.ts';
import type { PrintFinishing } from '../../shared/print/finishing.ts';
import { SCHEMES, findScheme, type ColourScheme } from '../../shared/print/schemes.ts';
import type { QrLink } from '../../shared/print/qr.ts';
import { readQrSymbol } from '../../shared/print/qr-symbol.ts';
import { cleanText } from '../../shared/print/text.ts';
import { checkVietnamesePhone, type PhoneCheck } from '../../shared/phone.ts';
import {
  OFFICE_PNG_DPI,
  OFFICE_PNG_FORMATS,
  PREVIEW_MAX_SIDE,
  avifWidths,
  outputPath,
  previewWidth,
} from '../../shared/print-files/manifest.ts';
import { slugify } from '../../shared/slug.ts';
import { Announcer } from './announcer.ts';
import type { Design, EngineRequest, EngineResponse } from './engine-protocol.ts';
import { limitUnitLine, UNIT_LINE_MAX_LENGTH, type Message } from './messages.ts';

type FileType = 'pdf' | 'svg' | 'png';
type FileReply = Extract<EngineResponse, { type: 'file' }>;

/** Pixel size of the PNG a format gets (as the build makes it), or `undefined` if it gets none. */
export function pngSize(format: PrintFormat): { width: number; height: number } | undefined {
  if (!isPrintFormat(format)) return { width: format.width, height: format.height };
  if (!OFFICE_PNG_FORMATS.includes(format.id)) return undefined;
  const scale = OFFICE_PNG_DPI / 25.4;
  return { width: Math.round(format.width * scale), height: Math.round(format.height * scale) };
}

interface Choice {
  readonly sloganId: string;
  readonly slogan: string;
  readonly format: PrintFormat;
  readonly scheme: ColourScheme;
  readonly unitRaw: string;
  /** The phone field as checked: only a valid number is printed. */
  readonly phone: PhoneCheck;
  readonly cropMarks: boolean;
}

class PrintCustomiserElement extends HTMLElement {
  private text: UiText = (key) => key;
  private worker: Worker | undefined;
  private engineReady = false;
  private announcer: Announcer | undefined;
  private lastAnnounced = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private busy = false;
  /** The phone field was left (or the form changed) since it was last empty: its error may show. */
  private phoneTouched = false;
  private lastPhoneError = '';
  /** Preview: one layout at a time in the worker; a change meanwhile asks for one more when it is done. */
  /**
   * The live preview is drawn from now on (the page was idle once the engine was ready, the
   * form changed, or the design has a unit line or phone number): until then the build's
   * image of the choice stands for it.
   */
  private live = false;
  private qrLink: QrLink | undefined;
  /** The worker's last live preview, not drawn yet (the preview is off screen). */
  private pendingSvg: { svg: string; label: string } | undefined;
  /** Whether the preview is on screen or near it (always, without IntersectionObserver). */
  private previewInView = true;
  private previewInFlight = false;
  private previewDirty = false;
  private nextId = 1;
  /** The preview's SVG markup, a line an element, and the element each line made. */
  private previewLines: string[] = [];
  private previewItems: (Element | undefined)[] = [];
  private readonly waiting = new Map<number, { resolve: (reply: FileReply) => void; reject: (error: Error) => void }>();

  private el<T extends HTMLElement>(name: string): T {
    const found = this.querySelector<T>(`.js-customiser-${name}`);
    if (!found) throw new Error(`<print-customiser>: missing .js-customiser-${name}`);
    return found;
  }

  connectedCallback(): void {
    try {
      this.init();
    } catch (error) {
      this.fail(error);
    }
  }

  private init(): void {
    this.text = readStrings(this);
    const regions = this.querySelectorAll<HTMLElement>('.js-customiser-announcer');
    if (regions.length === 2) this.announcer = new Announcer([regions[0]!, regions[1]!]);

    const form = this.el<HTMLFormElement>('form');
    const unit = this.el<HTMLTextAreaElement>('unit');
    unit.maxLength = UNIT_LINE_MAX_LENGTH;
    this.applyQuery(form);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => this.schedule());
    form.addEventListener('change', (event) => {
      // Judge the phone number once it has been typed, not at every key.
      if (event.target === this.el('phone')) this.phoneTouched = true;
      this.schedule();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('.js-customiser-download')) {
      button.addEventListener('click', () => void this.download(button.dataset['type'] as FileType));
    }
    // The live preview is drawn only on screen or near it (`showPreview`).
    const box = this.el('preview').parentElement;
    if (box && 'IntersectionObserver' in window) {
      new IntersectionObserver(
        (entries) => {
          this.previewInView = entries.some((entry) => entry.isIntersecting);
          if (this.previewInView) this.goLive();
          if (this.previewInView) this.drawPending();
        },
        { rootMargin: '300px 0px' },
      ).observe(box);
    }
    this.dataset['state'] = 'loading';
    this.setStatus(this.text('customiser.loading'));
    this.updatePngButton();
    this.updatePreviewImage();

    // The worker starts at once rather than when the page is idle: its files and the
    // fonts were asked for by the page's preload hints (src/build/integrations/
    // customiser-preload.ts), and all its work runs off the page's thread, so it never
    // holds up input. Its creation runs in a task of its own, so as not to lengthen
    // this one (total blocking time).
    setTimeout(() => {
      try {
        this.startEngine();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** Start the worker (once), which loads the engine then pdf-lib, and fetch the print fonts for it. */
  private startEngine(): void {
    if (this.worker) return;
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.fail(event.message || 'worker failed'));
    // The fonts download while the worker and the engine's code do.
    const font = async (path: string | undefined): Promise<ArrayBuffer> => {
      const response = await fetch(new URL(path ?? '', document.baseURI));
      if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
      return response.arrayBuffer();
    };
    Promise.all([font(this.dataset['displayFont']), font(this.dataset['textFont'])])
      .then(([display, text]) =>
        worker.postMessage({ type: 'init', fonts: { display, text } } satisfies EngineRequest, [display, text]),
      )
      .catch((error: unknown) => this.fail(error));
  }

  private post(request: EngineRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(reply: EngineResponse): void {
    switch (reply.type) {
      case 'ready':
        this.engineReady = true;
        this.requestPreview();
        break;
      case 'failed':
        this.fail(reply.message);
        break;
      case 'preview':
        this.showPreview(reply);
        break;
      case 'file':
      case 'error': {
        const waiting = this.waiting.get(reply.id);
        if (waiting) {
          this.waiting.delete(reply.id);
          if (reply.type === 'file') waiting.resolve(reply);
          else waiting.reject(new Error(reply.message));
        } else if (reply.type === 'error') {
          // A preview that failed: the next change tries again.
          console.error(reply.message);
          this.previewInFlight = false;
          if (this.previewDirty) this.requestPreview();
        }
        break;
      }
    }
  }

  /** A link (`customiserPath()`, src/shared/customiser-params.ts) may choose the slogan, format and colours. */
  private applyQuery(form: HTMLFormElement): void {
    const preset = readCustomiserPreset(location.search);
    const select = (name: string, value: string | undefined) => {
      const field = form.elements.namedItem(name);
      if (!value || !(field instanceof HTMLSelectElement)) return;
      if ([...field.options].some((option) => option.value === value)) field.value = value;
    };
    select(CUSTOMISER_PARAMS.slogan, preset.slogan);
    select(CUSTOMISER_PARAMS.format, preset.format);
    const radio = form.querySelector<HTMLInputElement>(
      `input[name="${CUSTOMISER_PARAMS.scheme}"][value="${CSS.escape(preset.scheme ?? '')}"]`,
    );
    if (radio) radio.checked = true;
  }

  /**
   * A format's name as the format field shows it (the build wrote it with `formatLabel`):
   * read from the page rather than made here, which would bring the measure formatter of
   * src/i18n/format.ts and its Unicode regular expressions into the page's script.
   */
  private formatName(format: PrintFormat): string {
    const select = this.el<HTMLFormElement>('form').elements.namedItem(CUSTOMISER_PARAMS.format);
    const option =
      select instanceof HTMLSelectElement ? [...select.options].find((o) => o.value === format.id) : undefined;
    return option?.textContent?.trim() || format.label;
  }

  private read(): Choice {
    // The fields' own values, not `new FormData(form)`, which has the page recompute its
    // styles first (a forced style recalculation in the page's first script task).
    const form = this.el<HTMLFormElement>('form');
    const value = (name: string) => {
      const field = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]:is(select, :checked)`);
      return field?.value ?? '';
    };
    const sloganSelect = this.el<HTMLSelectElement>('slogan');
    const option = sloganSelect.selectedOptions[0];
    return {
      sloganId: sloganSelect.value,
      slogan: option?.dataset['text'] ?? '',
      format: findFormat(value(CUSTOMISER_PARAMS.format)) ?? FORMATS[0]!,
      scheme: findScheme(value(CUSTOMISER_PARAMS.scheme)) ?? SCHEMES[0]!,
      unitRaw: limitUnitLine(this.el<HTMLTextAreaElement>('unit').value),
      phone: checkVietnamesePhone(this.el<HTMLInputElement>('phone').value),
      cropMarks: value(CUSTOMISER_PARAMS.cropMarks) === CROP_MARKS_ON,
    };
  }

  /** What the engine lays out, with the presentation rules the build's files follow (src/shared/presentation.ts). */
  private design(choice: Choice): Design {
    return {
      slogan: presentedText(choice.slogan),
      formatId: choice.format.id,
      schemeId: choice.scheme.id,
      heading: artworkHeading(choice.slogan, this.dataset['heading'] ?? '', this.dataset['theme'] ?? ''),
      footer: this.dataset['footer'] ?? '',
      unitLine: choice.unitRaw,
      // The QR code the build's files carry; the unit's phone under it when the number is valid.
      // (The build's symbol with it: the page carries no QR encoder.)
      link: this.link(),
      phoneLine: choice.phone.kind === 'valid' ? this.text('poster.unitPhone', { phone: choice.phone.shown }) : '',
      // The campaign's hem zones (content), as the build's files have them.
      finishing: this.finishing(),
    };
  }

  /** The QR code's link as the build made it (`data-link-*`), read once. */
  private link(): QrLink {
    this.qrLink ??= {
      url: this.dataset['linkUrl'] ?? '',
      label: this.dataset['linkLabel'] ?? '',
      symbol: readQrSymbol(this.dataset['linkSymbol'] ?? ''),
    };
    return this.qrLink;
  }

  /** The campaign's hem zones and eyelet marks (`data-finishing`, JSON); the engine's defaults without. */
  private finishing(): PrintFinishing | undefined {
    const json = this.dataset['finishing'];
    return json ? (JSON.parse(json) as PrintFinishing) : undefined;
  }

  /** Ask for a new preview at most once per frame while typing. */
  private schedule(): void {
    if (this.engineReady) this.live = true;
    this.updatePngButton();
    if (!this.engineReady) this.updatePreviewImage();
    if (!this.engineReady || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.requestPreview();
    });
  }

  /** One layout at a time: while the worker lays out one, later changes make one more request, with the last values. */
  private requestPreview(): void {
    if (this.previewInFlight) {
      this.previewDirty = true;
      return;
    }
    this.previewInFlight = true;
    this.previewDirty = false;
    const design = this.design(this.read());
    // The build's image of the choice is the very design while it has no unit line or phone
    // number of its own: it stays for the first preview, which draws nothing, and the engine's
    // own is drawn once the page is idle (`showPreview`). Drawing the same design as SVG at once
    // put the page's longest task (parsing, layout and paint of some 40 KB of outlines) in the
    // way of the page's ready state on a slow phone.
    const image = this.querySelector('.js-customiser-preview-image');
    if (!image || design.unitLine.trim() !== '' || design.phoneLine) this.live = true;
    this.post({ type: 'preview', id: 0, design, svg: this.live });
  }

  private showPreview(reply: Extract<EngineResponse, { type: 'preview' }>): void {
    this.previewInFlight = false;
    if (this.previewDirty) {
      // Newer input is waiting: lay that out rather than drawing this one.
      this.requestPreview();
      if (this.dataset['state'] === 'ready') return;
    }
    const choice = this.read();
    const { shown } = reply;
    const label = this.text('customiser.previewAlt', {
      format: this.formatName(choice.format),
      scheme: choice.scheme.label,
      slogan: choice.slogan,
      unit: shown ? this.text('customiser.previewAltUnit', { unit: shown }) : this.text('customiser.previewAltNoUnit'),
    });
    // The live preview, once there is one to draw (see `requestPreview`).
    if (reply.svg !== undefined) {
      this.pendingSvg = { svg: reply.svg, label };
      if (this.previewInView) this.drawPending();
      else {
        // Off screen (below the form on a phone): drawn when it nears the screen, so that
        // typing above it never waits for the page to parse, lay out and paint outlines.
        const image = this.querySelector<HTMLImageElement>('.js-customiser-preview-image');
        if (image) image.alt = label;
        else this.el('preview').ariaLabel = label;
      }
    } else {
      // Drawn once the page is idle after all, so that the first key typed only redraws the
      // unit line rather than the whole design (a long task while typing).
      const later = (then: () => void) =>
        'requestIdleCallback' in window ? requestIdleCallback(then, { timeout: 2000 }) : setTimeout(then, 200);
      later(() => this.goLive());
    }
    this.el('unit-shown').textContent = shown ?? this.text('customiser.unitNone');
    this.showPhone(choice.phone, reply.phoneShown);

    // Messages: shown by the field, read out when they change.
    const list = this.el<HTMLUListElement>('messages');
    list.replaceChildren(
      ...reply.messages.map((message) => {
        const item = document.createElement('li');
        item.className = `customiser-message customiser-message--${message.level}`;
        item.dataset['key'] = message.key;
        item.textContent = this.messageText(message);
        return item;
      }),
    );
    this.queueAnnouncement(reply.messages);

    if (this.dataset['state'] === 'loading') {
      // The page's ready signal: engine loaded, first preview drawn.
      this.dataset['state'] = 'ready';
      this.setButtonsEnabled(true);
      this.setStatus(this.text('customiser.ready'));
    }
  }

  /**
   * Once the engine is ready and the page idle, the engine's own preview replaces the build's
   * image, if on screen: off screen, the worker is left free (a PDF asked for at once is not
   * held up) until the preview nears the screen or the form changes.
   */
  private goLive(): void {
    if (this.live || !this.engineReady || !this.previewInView || this.dataset['state'] !== 'ready') return;
    this.live = true;
    this.requestPreview();
  }

  /** Draw the last live preview the worker made, if not drawn yet. */
  private drawPending(): void {
    const pending = this.pendingSvg;
    if (!pending) return;
    this.pendingSvg = undefined;
    const preview = this.el('preview');
    this.drawSvg(preview, pending.svg);
    preview.ariaLabel = pending.label;
    preview.hidden = false;
  }

  /**
   * Preview: the same SVG the download gives, finished size, drawn in the page (no blob: image,
   * which the site's Content-Security-Policy does not allow). `renderSvg` writes one element a
   * line; while the frame stays the same (typing), only the lines that changed (the unit line)
   * are parsed and replaced, so the page's thread does little on each key.
   */
  private drawSvg(preview: HTMLElement, markup: string): void {
    const SVG_NS = 'http://www.w3.org/2000/svg';
    const lines = markup.split('\n');
    const svg = preview.querySelector('svg');
    const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    if (svg && lines[0] === this.previewLines[0] && lines.length === this.previewLines.length) {
      lines.forEach((line, i) => {
        const old = this.previewItems[i];
        if (line === this.previewLines[i] || !old) return;
        const item = parse(`<svg xmlns="${SVG_NS}">${line}</svg>`).firstElementChild;
        if (item) {
          const next = document.importNode(item, true);
          old.replaceWith(next);
          this.previewItems[i] = next;
        }
      });
    } else {
      const fresh = document.importNode(parse(markup), true);
      // Sized by the page's CSS; named by the preview's own label (role="img").
      for (const name of ['width', 'height', 'role', 'aria-labelledby']) fresh.removeAttribute(name);
      fresh.querySelector('title')?.remove();
      fresh.setAttribute('aria-hidden', 'true');
      const box = fresh.getAttribute('viewBox')?.split(' ');
      if (box) fresh.style.aspectRatio = `${box[2]} / ${box[3]}`;
      // Line i's element: the shapes follow the <svg> and <title> lines, in order.
      const shapes = [...fresh.children];
      this.previewItems = lines.map((line) => (/^<(path|rect)\b/.test(line) ? shapes.shift() : undefined));
      preview.replaceChildren(fresh);
      this.querySelector('.js-customiser-preview-picture')?.remove();
    }
    this.previewLines = lines;
  }

  /** Until the engine is ready: the build's preview image of the slogan, format and colours chosen. */
  private updatePreviewImage(): void {
    const image = this.querySelector<HTMLImageElement>('.js-customiser-preview-image');
    if (!image) return;
    const { sloganId, slogan, format, scheme } = this.read();
    const base = new URL(this.dataset['previews'] ?? '', document.baseURI);
    const previewUrl = (output: Parameters<typeof outputPath>[3]) =>
      new URL(outputPath(sloganId, format.id, scheme.id, output), base).href;
    const src = previewUrl({ type: 'webp', purpose: 'preview' });
    if (image.src === src) return;
    // As the build sizes it (`previewWidth`, src/shared/print-files/manifest.ts): the longer side
    // PREVIEW_MAX_SIDE. (Kept: reading `image.width` back gives the width it is drawn at.)
    const landscape = format.width >= format.height;
    const width = previewWidth(format);
    image.width = width;
    image.height = landscape ? Math.round((PREVIEW_MAX_SIDE * format.height) / format.width) : PREVIEW_MAX_SIDE;
    image.alt = this.text('customiser.previewAlt', {
      format: format.label,
      scheme: scheme.label,
      slogan,
      unit: this.text('customiser.previewAltNoUnit'),
    });
    // The AVIFs first (a <source> is read before the <img>'s own address).
    const avif = this.querySelector<HTMLSourceElement>('.js-customiser-preview-avif');
    if (avif) {
      avif.sizes = `${width}px`;
      avif.srcset = avifWidths(width)
        .map((avifWidth) => `${previewUrl({ type: 'avif', purpose: 'preview', width: avifWidth })} ${avifWidth}w`)
        .join(', ');
    }
    image.src = src;
  }

  /** PNG only where the build makes one. */
  private updatePngButton(): void {
    const png = pngSize(this.read().format);
    this.el<HTMLButtonElement>('png').hidden = !png;
    this.el('png-note').hidden = !!png;
  }

  /** The phone field's state: what will be printed, and the error beside the field once it was left. */
  private showPhone(phone: PhoneCheck, shown: string | undefined): void {
    const field = this.el<HTMLInputElement>('phone');
    const error = this.el('phone-error');
    if (phone.kind === 'empty') this.phoneTouched = false;
    const invalid = phone.kind === 'invalid' && (this.phoneTouched || document.activeElement !== field);
    if (invalid) {
      error.textContent = this.text(`customiser.phoneError.${phone.problem}`);
      field.setAttribute('aria-invalid', 'true');
    } else {
      error.textContent = '';
      field.removeAttribute('aria-invalid');
    }
    error.hidden = !invalid;
    // Said once when it appears or changes; the field also names it (aria-describedby).
    if (error.textContent !== this.lastPhoneError) {
      this.lastPhoneError = error.textContent;
      if (error.textContent) this.announcer?.announce(error.textContent);
    }
    this.el('phone-shown').textContent = shown ?? this.text('customiser.unitNone');
  }

  private messageText(message: Message): string {
    return this.text(message.key, message.vars);
  }

  /** Read out the messages once typing pauses, and only if they changed. */
  private queueAnnouncement(messages: readonly Message[]): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const text = messages.map((message) => this.messageText(message)).join(' ');
      if (text === this.lastAnnounced) return;
      this.lastAnnounced = text;
      this.announcer?.announce(text);
    }, 700);
  }

  private setStatus(message: string): void {
    this.el('status').textContent = message;
    this.announcer?.announce(message);
  }

  private setButtonsEnabled(enabled: boolean): void {
    for (const button of this.querySelectorAll<HTMLButtonElement>('.js-customiser-download'))
      button.disabled = !enabled;
  }

  private fileName(choice: Choice, type: FileType): string {
    // The unit's name in the file name, whole words only, at most 40 characters.
    let unit = '';
    for (const word of slugify(choice.unitRaw).split('-')) {
      if (!word || unit.length + word.length + 1 > 40) break;
      unit = unit ? `${unit}-${word}` : word;
    }
    const marks = type === 'pdf' && choice.cropMarks && isPrintFormat(choice.format) ? '_dau-cat' : '';
    return printFileName(choice.sloganId, choice.format.id, choice.scheme.id, type).replace(
      new RegExp(`\\.${type}$`),
      `${unit ? `_${unit}` : ''}${marks}.${type}`,
    );
  }

  /** A file (or a scene) from the worker. */
  private requestFile(request: Omit<Extract<EngineRequest, { type: 'file' }>, 'id'>): Promise<FileReply> {
    const id = this.nextId++;
    return new Promise<FileReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ ...request, id });
    });
  }

  private async download(type: FileType): Promise<void> {
    if (!this.engineReady || this.busy) return;
    // Whatever was typed last, even within the current frame.
    const choice = this.read();
    const design = this.design(choice);
    const label = type.toUpperCase();
    this.busy = true;
    this.setButtonsEnabled(false);
    this.setStatus(this.text('customiser.making', { type: label }));
    try {
      let bytes: Uint8Array;
      let mime: string;
      if (type === 'pdf') {
        ({ bytes } = (await this.requestFile({
          type: 'file',
          design,
          file: 'pdf',
          pdf: {
            cropMarks: choice.cropMarks,
            title: presentedText(choice.slogan),
            subject: this.dataset['heading'],
            author: cleanText(choice.unitRaw) || undefined,
            date: pdfDate({ fileDate: this.dataset['fileDate'] ?? '' }),
            creator: this.dataset['fileCreator'] ?? '',
            outputCondition: this.dataset['outputCondition'],
          },
        })) as { bytes: Uint8Array });
        mime = 'application/pdf';
      } else if (type === 'svg') {
        ({ bytes } = (await this.requestFile({
          type: 'file',
          design,
          file: 'svg',
          svgArea: isPrintFormat(choice.format) ? 'bleed' : 'trim',
        })) as { bytes: Uint8Array });
        mime = 'image/svg+xml';
      } else {
        const size = pngSize(choice.format);
        if (!size) return;
        const [{ scene }, { sceneToPng, withPngDensity }] = await Promise.all([
          this.requestFile({ type: 'file', design, file: 'scene' }),
          import('./png.ts'),
        ]);
        if (!scene) throw new Error('no scene');
        const png = await sceneToPng(scene, size.width, size.height);
        bytes = isPrintFormat(choice.format) ? withPngDensity(png, OFFICE_PNG_DPI) : png;
        mime = 'image/png';
      }
      const name = this.fileName(choice, type);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      this.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.setStatus(this.text('customiser.made', { name }));
    } catch (error) {
      console.error(error);
      this.setStatus(this.text('customiser.makeFailed', { type: label }));
    } finally {
      this.busy = false;
      this.setButtonsEnabled(true);
    }
  }

  private fail(error: unknown): void {
    console.error(error);
    this.dataset['state'] = 'failed';
    this.setButtonsEnabled(false);
    try {
      this.setStatus(this.text('customiser.loadFailed'));
    } catch {
      // The markup itself is broken: nothing more to say.
    }
  }
}

if (!customElements.get('print-customiser')) customElements.define('print-customiser', PrintCustomiserElement);
