import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUi } from '../../../playground/emulator/services/ui';
import { emulator, thrown } from './helpers';

const htmlDir = mkdtempSync(join(tmpdir(), 'tapdash-html-'));
writeFileSync(join(htmlDir, 'Sidebar.html'), '<h1>Hello</h1>');
writeFileSync(
  join(htmlDir, 'Greeting.html'),
  '<p><?= name ?> <?!= raw ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?>',
);

describe('HtmlService (reference: html-service, html-output)', () => {
  it('reads <name>.html from the HTML directory', () => {
    const emu = emulator({ htmlDir });
    expect(emu.run((gas) => gas.HtmlService.createHtmlOutputFromFile('Sidebar').getContent())).toBe(
      '<h1>Hello</h1>',
    );
  });

  it('fails like Apps Script for a file that does not exist', () => {
    const emu = emulator({ htmlDir });
    expect(thrown(() => emu.run((gas) => gas.HtmlService.createHtmlOutputFromFile('Nope')))).toBe(
      'No HTML file named Nope was found.',
    );
  });

  it('keeps title, size and content; append adds raw HTML, appendUntrusted escapes it', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const out = gas.HtmlService.createHtmlOutput('<p>a</p>')
        .setTitle('Tapdash')
        .setWidth(400)
        .setHeight(300);
      out.append('<b>b</b>').appendUntrusted('<script>x</script>');
      return [out.getTitle(), out.getWidth(), out.getHeight(), out.getContent()];
    });
    expect(got).toEqual(['Tapdash', 400, 300, '<p>a</p><b>b</b>&lt;script&gt;x&lt;/script&gt;']);
  });

  it('treats setSandboxMode as a no-op (only IFRAME remains) and records the X-Frame-Options mode', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const out = gas.HtmlService.createHtmlOutput('')
        .setSandboxMode(gas.HtmlService.SandboxMode.NATIVE)
        .setXFrameOptionsMode(gas.HtmlService.XFrameOptionsMode.ALLOWALL);
      const emulated = out as unknown as { getSandboxMode(): unknown; getXFrameOptionsMode(): unknown };
      return [String(emulated.getSandboxMode()), String(emulated.getXFrameOptionsMode())];
    });
    expect(got).toEqual(['IFRAME', 'ALLOWALL']);
  });

  it('accepts only the documented meta tags', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const out = gas.HtmlService.createHtmlOutput('').addMetaTag('viewport', 'width=device-width');
      return [
        out.getMetaTags().map((m) => [m.getName(), m.getContent()]),
        thrown(() => out.addMetaTag('robots', 'x')),
      ];
    });
    expect(got).toEqual([[['viewport', 'width=device-width']], 'Invalid argument: name']);
  });

  it('evaluates templates: <?= ?> escapes, <?!= ?> prints raw, <? ?> runs code', () => {
    const emu = emulator({ htmlDir });
    const html = emu.run((gas) => {
      const t = gas.HtmlService.createTemplateFromFile('Greeting');
      (t as unknown as Record<string, unknown>).name = '<Ada>';
      (t as unknown as Record<string, unknown>).raw = '<i>hi</i>';
      return t.evaluate().getContent();
    });
    expect(html).toBe('<p>&lt;Ada&gt; <i>hi</i></p>**');
  });

  it('gives the output as an HTML blob', () => {
    const emu = emulator();
    expect(emu.run((gas) => gas.HtmlService.createHtmlOutput('<p>x</p>').getBlob().getContentType())).toBe(
      'text/html',
    );
  });
});

describe('Ui: menus, sidebar, dialogs and alerts (reference: ui, menu)', () => {
  it('builds the add-on menu in AuthMode.NONE and records it', () => {
    const emu = emulator();
    emu.run(
      () =>
        createUi(emu)
          .createAddonMenu()
          .addItem('Open Tapdash', 'openSidebar')
          .addSeparator()
          .addItem('Sync now', 'menuSyncNow')
          .addToUi(),
      {
        authMode: 'NONE',
      },
    );
    expect(emu.services.ui.menus).toEqual([
      {
        caption: null,
        addOn: true,
        user: 'owner@example.com',
        items: [
          { kind: 'item', caption: 'Open Tapdash', functionName: 'openSidebar' },
          { kind: 'separator' },
          { kind: 'item', caption: 'Sync now', functionName: 'menuSyncNow' },
        ],
      },
    ]);
  });

  it('records sub-menus, and a rebuilt menu replaces the old one', () => {
    const emu = emulator();
    const build = (label: string) =>
      emu.run(() => {
        const ui = createUi(emu);
        const sub = ui.createMenu('More').addItem(label, 'f');
        ui.createMenu('Tools').addSubMenu(sub).addToUi();
      });
    build('first');
    build('second');
    expect(emu.services.ui.menus).toHaveLength(1);
    expect(emu.services.ui.menus[0].items).toEqual([
      { kind: 'submenu', caption: 'More', items: [{ kind: 'item', caption: 'second', functionName: 'f' }] },
    ]);
  });

  it('records the open sidebar’s title and HTML; showing one needs AuthMode.FULL', () => {
    const emu = emulator();
    emu.run((gas) =>
      createUi(emu).showSidebar(gas.HtmlService.createHtmlOutput('<p>side</p>').setTitle('Tapdash')),
    );
    expect(emu.services.ui.sidebar).toMatchObject({ kind: 'sidebar', title: 'Tapdash', html: '<p>side</p>' });
    expect(
      thrown(() =>
        emu.run((gas) => createUi(emu).showSidebar(gas.HtmlService.createHtmlOutput('')), {
          authMode: 'LIMITED',
        }),
      ),
    ).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  it('records modal and modeless dialogs with their title and size', () => {
    const emu = emulator();
    emu.run((gas) => {
      const ui = createUi(emu);
      ui.showModalDialog(
        gas.HtmlService.createHtmlOutput('m').setWidth(500).setHeight(200),
        'Connect Stripe',
      );
      ui.showModelessDialog(gas.HtmlService.createHtmlOutput('n'), 'Help');
    });
    expect(emu.services.ui.shown.map((s) => [s.kind, s.title, s.width, s.height])).toEqual([
      ['modal', 'Connect Stripe', 500, 200],
      ['modeless', 'Help', null, null],
    ]);
  });

  it('answers alerts with the first button of the set unless a test queued another answer', () => {
    const emu = emulator();
    emu.services.ui.queueAnswer({ button: 'NO' });
    const got = emu.run(() => {
      const ui = createUi(emu);
      return [
        ui.alert('Delete?', 'This removes the tab.', ui.ButtonSet.YES_NO) === ui.Button.NO,
        ui.alert('Sure?', ui.ButtonSet.YES_NO) === ui.Button.YES,
        ui.alert('Done') === ui.Button.OK,
      ];
    });
    expect(got).toEqual([true, true, true]);
    expect(emu.services.ui.alerts.map((a) => [a.title, a.prompt, a.buttonSet, a.answer.button])).toEqual([
      ['Delete?', 'This removes the tab.', 'YES_NO', 'NO'],
      [null, 'Sure?', 'YES_NO', 'YES'],
      [null, 'Done', 'OK', 'OK'],
    ]);
  });

  it('answers prompts with queued text and button', () => {
    const emu = emulator();
    emu.services.ui.queueAnswer({ button: 'OK', text: 'sk_test_123' });
    const got = emu.run(() => {
      const ui = createUi(emu);
      const r = ui.prompt('API key', 'Paste your Stripe key', ui.ButtonSet.OK_CANCEL);
      return [r.getResponseText(), r.getSelectedButton() === ui.Button.OK];
    });
    expect(got).toEqual(['sk_test_123', true]);
  });
});
