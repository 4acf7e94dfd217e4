/**
 * HtmlService (https://developers.google.com/apps-script/reference/html/html-service). Files are
 * read from the emulator's htmlDir (the built dist/ by default), as Apps Script reads the
 * project's .html files. Only the IFRAME sandbox remains, so setSandboxMode changes nothing
 * (https://developers.google.com/apps-script/guides/html/restrictions).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { blobBytes, EmulatedBlob } from './blob';
import { decodeText, encodeText } from './bytes';
import { enumName, SandboxModeEnum, XFrameOptionsModeEnum } from './enums';

/** HtmlOutput.addMetaTag accepts only these names (HtmlOutput reference). */
const META_TAGS = new Set(['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport']);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutput {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private xFrame = 'DEFAULT';
  private favicon: string | null = null;
  private readonly meta: Array<{ name: string; content: string }> = [];

  constructor(content = '') {
    this.content = content;
  }

  append(added: string): HtmlOutput {
    this.content += String(added);
    return this;
  }
  appendUntrusted(added: string): HtmlOutput {
    this.content += escapeHtml(String(added));
    return this;
  }
  clear(): HtmlOutput {
    this.content = '';
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  /** Sidebars ignore it ("sidebars cannot be resized"); dialogs use it. */
  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(_mode: unknown): HtmlOutput {
    return this;
  }
  getSandboxMode() {
    return SandboxModeEnum.IFRAME;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    this.xFrame = enumName(mode) ?? 'DEFAULT';
    return this;
  }
  getXFrameOptionsMode() {
    return this.xFrame === 'ALLOWALL' ? XFrameOptionsModeEnum.ALLOWALL : XFrameOptionsModeEnum.DEFAULT;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    // The allowed names are documented; the error's wording is not.
    if (!META_TAGS.has(String(name))) throw platformError(`Invalid argument: name`);
    this.meta.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags() {
    return this.meta.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): HtmlOutput {
    this.favicon = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.favicon;
  }
  getBlob(): EmulatedBlob {
    return new EmulatedBlob(encodeText(this.content), 'text/html', this.title || null);
  }
  getAs(contentType: string): EmulatedBlob {
    return this.getBlob().getAs(contentType);
  }
}

/**
 * A template (HtmlTemplate): `<?= ?>` prints escaped, `<?!= ?>` prints raw, `<? ?>` runs code.
 * Scriptlets see the template's properties and the emulated services, not the bundle's own
 * top-level functions (they live in the script's vm context).
 */
export class HtmlTemplate {
  [property: string]: unknown;

  constructor(
    private readonly source: string,
    private readonly scope: Record<string, unknown>,
  ) {}

  getRawContent(): string {
    return this.source;
  }

  getCode(): string {
    let code = 'var __out = [];\n';
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let m = re.exec(this.source); m; m = re.exec(this.source)) {
      code += `__out.push(${JSON.stringify(this.source.slice(last, m.index))});\n`;
      if (m[1] === '=') code += `__out.push(__escape(String(${m[2]})));\n`;
      else if (m[1] === '!=') code += `__out.push(String(${m[2]}));\n`;
      else code += `${m[2]}\n`;
      last = re.lastIndex;
    }
    code += `__out.push(${JSON.stringify(this.source.slice(last))});\nreturn __out.join('');`;
    return code;
  }

  getCodeWithComments(): string {
    return this.getCode();
  }

  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = { ...this.scope };
    for (const [k, v] of Object.entries(this)) if (k !== 'source' && k !== 'scope') vars[k] = v;
    // Sloppy-mode Function, so `with` can expose the template's properties as variables.
    const fn = new Function('__scope', '__escape', `with (__scope) {\n${this.getCode()}\n}`);
    return new HtmlOutput(fn(vars, escapeHtml) as string);
  }
}

function readHtmlFile(emu: Emulator, name: string): string {
  const file = String(name).endsWith('.html') ? String(name) : `${name}.html`;
  const path = join(emu.options.htmlDir, file);
  // Apps Script's message for a missing file.
  if (!existsSync(path)) throw platformError(`No HTML file named ${name} was found.`);
  return readFileSync(path, 'utf8');
}

export function createHtmlService(emu: Emulator): GoogleAppsScript.HTML.HtmlService {
  const use = (method: string) => emu.call('HtmlService', method, 'local', emu.costs.localMs);
  const scope = () => emu.globals as unknown as Record<string, unknown>;
  return {
    SandboxMode: SandboxModeEnum,
    XFrameOptionsMode: XFrameOptionsModeEnum,
    createHtmlOutput(html?: unknown) {
      use('createHtmlOutput');
      if (html === undefined || html === null) return new HtmlOutput();
      if (typeof html === 'string') return new HtmlOutput(html);
      return new HtmlOutput(decodeText(blobBytes(html)));
    },
    createHtmlOutputFromFile(filename: string) {
      use('createHtmlOutputFromFile');
      return new HtmlOutput(readHtmlFile(emu, filename));
    },
    createTemplate(html: unknown) {
      use('createTemplate');
      return new HtmlTemplate(typeof html === 'string' ? html : decodeText(blobBytes(html)), scope());
    },
    createTemplateFromFile(filename: string) {
      use('createTemplateFromFile');
      return new HtmlTemplate(readHtmlFile(emu, filename), scope());
    },
    getUserAgent() {
      use('getUserAgent');
      return 'Mozilla/5.0 (emulated Apps Script client)';
    },
  } as unknown as GoogleAppsScript.HTML.HtmlService;
}
