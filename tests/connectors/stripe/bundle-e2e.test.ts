/**
 * The built add-on (dist/Code.js in the Apps Script-like vm, no Node globals) connects to the
 * Stripe mock, syncs through its sidebar functions and refreshes the Stripe models: the hooks,
 * the SQL and the charts' JSON all run as they will in Apps Script, on the emulator's clock.
 */
import { invoke, loadBundle } from '../../../playground/emulator/bundle';
import { Emulator } from '../../../playground/emulator/emulator';
import { type StripeMock, startStripeMock } from './mock-stripe';
import { NOW, SAAS_BY_ENDPOINT } from './support/saas-fixture';

const KEY = 'rk_test_51TapdashBundle0000000000';

/** Plain data out of the bundle's realm, so comparisons do not trip over vm prototypes. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

let mock: StripeMock;

beforeAll(async () => {
  mock = await startStripeMock({
    apiKey: KEY,
    data: SAAS_BY_ENDPOINT,
  });
});

afterAll(() => mock.close());

test('the built add-on syncs Stripe and builds its MRR tab, and no key leaves the server', () => {
  const emu = new Emulator({ realCpu: false, now: Date.parse(NOW), timeZone: 'Etc/UTC' });
  const bundle = loadBundle(emu);
  const saved = plain(
    invoke(
      emu,
      bundle,
      'saveConnection',
      [{ connector: 'stripe', config: { apiKey: KEY, baseUrl: mock.url } }],
      {
        kind: 'script-run',
      },
    ),
  );
  expect(saved).toMatchObject({ ok: true, value: { id: 'stripe', secretsSaved: ['apiKey'] } });
  expect(JSON.stringify(saved)).not.toContain(KEY);

  let progress = plain(invoke(emu, bundle, 'runSyncChunk', ['stripe'], { kind: 'script-run' }));
  for (let i = 0; progress.ok && progress.value.stopped === 'deadline' && i < 10; i++)
    progress = plain(invoke(emu, bundle, 'runSyncChunk', ['stripe'], { kind: 'script-run' }));
  expect(progress).toMatchObject({ ok: true, value: { done: true, errors: [] } });

  const refreshed = plain(invoke(emu, bundle, 'refreshModels', [], { kind: 'menu' }));
  expect(refreshed.ok).toBe(true);
  const stripeModels = (refreshed.value.models as Array<{ name: string; status: string }>).filter((m) =>
    m.name.startsWith('stripe_'),
  );
  expect(stripeModels.every((m) => m.status === 'ok')).toBe(true);

  const mrr = emu.run((gas) =>
    gas.SpreadsheetApp.getActive().getSheetByName('Stripe MRR')!.getDataRange().getValues(),
  );
  // Month-end MRR January to July 2025, worked out in mrr-model.test.ts; July is "now".
  expect(mrr.slice(1).map((r) => r[1])).toEqual([200, 224, 324, 474, 474, 466, 466]);
  const everything = emu.run((gas) =>
    gas.SpreadsheetApp.getActive()
      .getSheets()
      .map((s) => JSON.stringify(s.getDataRange().getValues()))
      .join('\n'),
  );
  expect(everything).not.toContain(KEY);
});
