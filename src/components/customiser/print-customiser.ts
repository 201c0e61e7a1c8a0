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
 * Loaded on /tao-mau/ only. pdf-lib (about 180 KB) is loaded when a PDF is asked for.
 */
import * as fontkit from 'fontkit';
import { readStrings, type UiText } from '../../i18n/read-strings';
import { CROP_MARKS_ON, CUSTOMISER_PARAMS, readCustomiserPreset } from '../../shared/customiser-params';
import { createLayoutFont, type FontkitFontLike, type PrintFonts } from '../../shared/print/font';
import { FORMATS, findFormat, isPrintFormat, printFileName, type PrintFormat } from '../../shared/print/formats';
import { artworkHeading, presentedText } from '../../shared/presentation';
import { pdfDate } from '../../shared/publishing';
import { layoutScene } from '../../shared/print/layout';
import type { Scene } from '../../shared/print/scene';
import { renderSvg } from '../../shared/print/render-svg';
import { SCHEMES, findScheme, type ColourScheme } from '../../shared/print/schemes';
import { cleanText } from '../../shared/print/text';
import { checkVietnamesePhone, type PhoneCheck } from '../../shared/phone';
import { OFFICE_PNG_DPI, OFFICE_PNG_FORMATS } from '../../shared/print-files/manifest';
import { slugify } from '../../shared/slug';
import { Announcer } from './announcer';
import { limitUnitLine, unitLineMessages, unitLineShown, UNIT_LINE_MAX_LENGTH, type Message } from './messages';
import { sceneToPng, withPngDensity } from './png';

type FileType = 'pdf' | 'svg' | 'png';

async function loadFont(url: string): Promise<FontkitFontLike> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const font = fontkit.create(new Uint8Array(await response.arrayBuffer()));
  if (!('layout' in font)) throw new Error(`${url}: not a single font`);
  return font as unknown as FontkitFontLike;
}

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
  private fonts: PrintFonts | undefined;
  private announcer: Announcer | undefined;
  private lastAnnounced = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private busy = false;
  /** The phone field was left (or the form changed) since it was last empty: its error may show. */
  private phoneTouched = false;
  private lastPhoneError = '';

  private el<T extends HTMLElement>(name: string): T {
    const found = this.querySelector<T>(`.js-customiser-${name}`);
    if (!found) throw new Error(`<print-customiser>: missing .js-customiser-${name}`);
    return found;
  }

  connectedCallback(): void {
    this.init().catch((error: unknown) => this.fail(error));
  }

  private async init(): Promise<void> {
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

    this.dataset['state'] = 'loading';
    this.setStatus(this.text('customiser.loading'));
    const [display, text] = await Promise.all([
      loadFont(this.dataset['displayFont'] ?? ''),
      loadFont(this.dataset['textFont'] ?? ''),
    ]);
    this.fonts = { display: createLayoutFont(display), text: createLayoutFont(text) };
    this.dataset['state'] = 'ready';
    this.setButtonsEnabled(true);
    this.update();
    this.setStatus(this.text('customiser.ready'));
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

  private read(): Choice {
    const form = this.el<HTMLFormElement>('form');
    const data = new FormData(form);
    const sloganSelect = this.el<HTMLSelectElement>('slogan');
    const option = sloganSelect.selectedOptions[0];
    return {
      sloganId: sloganSelect.value,
      slogan: option?.dataset['text'] ?? '',
      format: findFormat(String(data.get(CUSTOMISER_PARAMS.format))) ?? FORMATS[0]!,
      scheme: findScheme(String(data.get(CUSTOMISER_PARAMS.scheme))) ?? SCHEMES[0]!,
      unitRaw: limitUnitLine(this.el<HTMLTextAreaElement>('unit').value),
      phone: checkVietnamesePhone(this.el<HTMLInputElement>('phone').value),
      cropMarks: data.get(CUSTOMISER_PARAMS.cropMarks) === CROP_MARKS_ON,
    };
  }

  /** Re-lay the design at most once per frame while typing. */
  private schedule(): void {
    if (!this.fonts || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private layout(choice: Choice): Scene {
    if (!this.fonts) throw new Error('fonts not loaded');
    // The presentation rules the build's files follow (src/shared/presentation.ts).
    const heading = this.dataset['heading'] ?? '';
    return layoutScene({
      slogan: presentedText(choice.slogan),
      format: choice.format,
      scheme: choice.scheme,
      heading: artworkHeading(choice.slogan, heading, this.dataset['theme'] ?? ''),
      footer: this.dataset['footer'] ?? '',
      unitLine: choice.unitRaw,
      // The QR code the build's files carry; the unit's phone under it when the number is valid.
      link: { url: this.dataset['linkUrl'] ?? '', label: this.dataset['linkLabel'] ?? '' },
      phoneLine: choice.phone.kind === 'valid' ? this.text('poster.unitPhone', { phone: choice.phone.shown }) : '',
      fonts: this.fonts,
    });
  }

  private update(): void {
    const choice = this.read();
    const scene = this.layout(choice);

    // Preview: the same SVG the download gives, finished size, drawn in the page (no blob: image,
    // which the site's Content-Security-Policy does not allow).
    const svg = document.importNode(
      new DOMParser().parseFromString(renderSvg(scene), 'image/svg+xml').documentElement,
      true,
    );
    // Sized by the page's CSS; named by the preview's own label (role="img").
    for (const name of ['width', 'height', 'role', 'aria-labelledby']) svg.removeAttribute(name);
    svg.querySelector('title')?.remove();
    svg.setAttribute('aria-hidden', 'true');
    svg.style.aspectRatio = `${scene.width} / ${scene.height}`;
    const preview = this.el('preview');
    preview.replaceChildren(svg);
    const shown = unitLineShown(scene);
    preview.ariaLabel = this.text('customiser.previewAlt', {
      format: choice.format.label,
      scheme: choice.scheme.label,
      slogan: choice.slogan,
      unit: shown ? this.text('customiser.previewAltUnit', { unit: shown }) : this.text('customiser.previewAltNoUnit'),
    });
    preview.hidden = false;
    this.el('unit-shown').textContent = shown ?? this.text('customiser.unitNone');
    this.showPhone(choice.phone, scene);

    // Messages: shown by the field, read out when they change.
    const messages = unitLineMessages(choice.unitRaw, scene);
    const list = this.el<HTMLUListElement>('messages');
    list.replaceChildren(
      ...messages.map((message) => {
        const item = document.createElement('li');
        item.className = `customiser-message customiser-message--${message.level}`;
        item.dataset['key'] = message.key;
        item.textContent = this.messageText(message);
        return item;
      }),
    );
    this.queueAnnouncement(messages);

    // PNG only where the build makes one.
    const png = pngSize(choice.format);
    this.el<HTMLButtonElement>('png').hidden = !png;
    this.el('png-note').hidden = !!png;
  }

  /** The phone field's state: what will be printed, and the error beside the field once it was left. */
  private showPhone(phone: PhoneCheck, scene: Scene): void {
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
    const block = scene.blocks.find((b) => b.role === 'phone');
    this.el('phone-shown').textContent = block
      ? block.lines.map((line) => line.text).join(' ')
      : this.text('customiser.unitNone');
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

  private async download(type: FileType): Promise<void> {
    if (!this.fonts || this.busy) return;
    // Whatever was typed last, even within the current frame.
    const choice = this.read();
    const scene = this.layout(choice);
    const label = type.toUpperCase();
    this.busy = true;
    this.setButtonsEnabled(false);
    this.setStatus(this.text('customiser.making', { type: label }));
    try {
      let bytes: Uint8Array;
      let mime: string;
      if (type === 'pdf') {
        const { renderPdf } = await import('../../shared/print/render-pdf');
        bytes = await renderPdf(scene, {
          cropMarks: choice.cropMarks,
          title: presentedText(choice.slogan),
          subject: this.dataset['heading'],
          author: cleanText(choice.unitRaw) || undefined,
          date: pdfDate({ fileDate: this.dataset['fileDate'] ?? '' }),
          creator: this.dataset['fileCreator'] ?? '',
          outputCondition: this.dataset['outputCondition'],
        });
        mime = 'application/pdf';
      } else if (type === 'svg') {
        bytes = new TextEncoder().encode(renderSvg(scene, { area: isPrintFormat(choice.format) ? 'bleed' : 'trim' }));
        mime = 'image/svg+xml';
      } else {
        const size = pngSize(choice.format);
        if (!size) return;
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
