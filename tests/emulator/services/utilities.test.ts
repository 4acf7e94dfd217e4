import { createHash } from 'node:crypto';
import vm from 'node:vm';
import fc from 'fast-check';
import type { GasGlobals } from '../../../playground/emulator/emulator';
import { emulator, START, thrown } from './helpers';

const emu = emulator();
const U = (emu.globals as GasGlobals).Utilities;
const signed = (hex: string) => [...Buffer.from(hex, 'hex')].map((b) => (b > 127 ? b - 256 : b));

describe('Utilities.sleep', () => {
  it('advances the simulated clock by the time slept, counted in the execution', () => {
    const e = emulator();
    e.run((gas) => gas.Utilities.sleep(2500));
    expect(e.clock.now() - START).toBe(2500);
    expect(e.executions[0].durationMs).toBe(2500);
  });

  it('counts toward the execution deadline', () => {
    const e = emulator();
    expect(thrown(() => e.run((gas) => gas.Utilities.sleep(31_000), { kind: 'simple-trigger' }))).toBe(
      'Exceeded maximum execution time',
    );
  });

  it('refuses more than 300,000 ms', () => {
    const e = emulator();
    expect(thrown(() => e.run((gas) => gas.Utilities.sleep(300_001)))).toBe('Invalid argument: milliseconds');
  });

  it('is available in AuthMode.NONE, like all of Utilities', () => {
    const e = emulator();
    expect(e.run((gas) => gas.Utilities.base64Encode('a'), { authMode: 'NONE' })).toBe('YQ==');
  });
});

describe('Utilities.formatDate (Java SimpleDateFormat patterns)', () => {
  // 2024-07-04 17:05:09.007 UTC: a Thursday, New York on daylight time.
  const d = new Date(Date.UTC(2024, 6, 4, 17, 5, 9, 7));

  it.each([
    ['yyyy-MM-dd HH:mm:ss.SSS', 'America/New_York', '2024-07-04 13:05:09.007'],
    ['yy/M/d', 'Etc/UTC', '24/7/4'],
    ['MMM MMMM', 'Etc/UTC', 'Jul July'],
    ['EEE EEEE', 'Etc/UTC', 'Thu Thursday'],
    ['hh:mm a', 'America/New_York', '01:05 PM'],
    ['h a', 'Asia/Tokyo', '2 AM'],
    ['Z', 'America/New_York', '-0400'],
    ['XXX', 'Asia/Kolkata', '+05:30'],
    ['XXX', 'Etc/UTC', 'Z'],
    ['z', 'America/New_York', 'EDT'],
    ["yyyy-MM-dd'T'HH:mm:ss'Z'", 'Etc/UTC', '2024-07-04T17:05:09Z'],
    ["'It''s' HH", 'Etc/UTC', "It's 17"],
    ['dd.MM.yyyy', 'Pacific/Kiritimati', '05.07.2024'],
  ])('formats %s in %s as %s', (pattern, tz, expected) => {
    expect(U.formatDate(d, tz, pattern)).toBe(expected);
  });

  it('uses standard time in winter (New York -0500, EST)', () => {
    expect(U.formatDate(new Date(Date.UTC(2024, 0, 15, 12)), 'America/New_York', 'HH z Z')).toBe(
      '07 EST -0500',
    );
  });

  it('refuses a non-Date the way Apps Script reports a signature mismatch', () => {
    expect(thrown(() => U.formatDate('2024-01-01' as unknown as Date, 'UTC', 'yyyy'))).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('refuses an unknown pattern letter', () => {
    expect(thrown(() => U.formatDate(d, 'UTC', 'yyyy-qq'))).toBe("Illegal pattern character 'q'");
  });
});

describe('Utilities.parseDate', () => {
  it('reads a date in the given zone', () => {
    expect(U.parseDate('2024-03-01 09:30', 'America/New_York', 'yyyy-MM-dd HH:mm').getTime()).toBe(
      Date.UTC(2024, 2, 1, 14, 30),
    );
  });

  it('uses an offset written in the text over the zone', () => {
    expect(
      U.parseDate('2024-03-01T09:30:00+02:00', 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX").getTime(),
    ).toBe(Date.UTC(2024, 2, 1, 7, 30));
  });

  it('reads month names and AM/PM', () => {
    expect(U.parseDate('March 5, 2024 3:04 PM', 'Etc/UTC', 'MMMM d, yyyy h:mm a').getTime()).toBe(
      Date.UTC(2024, 2, 5, 15, 4),
    );
  });

  it('returns a Date of the script’s realm once the bundle registered its Date constructor', () => {
    const e = emulator();
    const ScriptDate = vm.runInNewContext('Date') as DateConstructor;
    e.workbook.dateConstructor = ScriptDate;
    const d = e.run((gas) => gas.Utilities.parseDate('2024-01-02', 'Etc/UTC', 'yyyy-MM-dd'));
    expect([d instanceof ScriptDate, d.getTime()]).toEqual([true, Date.UTC(2024, 0, 2)]);
  });

  it('throws on text that does not fit the pattern', () => {
    expect(thrown(() => U.parseDate('yesterday', 'Etc/UTC', 'yyyy-MM-dd'))).toBe(
      'Unparseable date: "yesterday"',
    );
  });

  it('round-trips formatDate with an offset, for any instant and zone (property)', () => {
    const zones = [
      'Etc/UTC',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          const pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
          const text = U.formatDate(new Date(ms), tz, pattern);
          expect(U.parseDate(text, tz, pattern).getTime()).toBe(ms);
        },
      ),
    );
  });

  it('round-trips wall-clock text without an offset in zones without daylight saving (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom('Etc/UTC', 'Asia/Tokyo', 'Asia/Kolkata'),
        (ms, tz) => {
          const pattern = 'yyyy-MM-dd HH:mm:ss.SSS';
          expect(U.parseDate(U.formatDate(new Date(ms), tz, pattern), tz, pattern).getTime()).toBe(ms);
        },
      ),
    );
  });
});

describe('Utilities.formatString (sprintf-like)', () => {
  it.each([
    ['%s is %d years', ['Ada', 36.9], 'Ada is 36 years'],
    ['%05.2f', [1.23456], '01.23'],
    ['[%-5s]', ['ab'], '[ab   ]'],
    ['[%5s]', ['ab'], '[   ab]'],
    ['%x %X %o', [255, 255, 8], 'ff FF 10'],
    ['%+d %%', [5], '+5 %'],
    ['%.3s', ['abcdef'], 'abc'],
  ])('formats %s', (template, args, expected) => {
    expect(U.formatString(template, ...args)).toBe(expected);
  });
});

describe('Utilities base64', () => {
  it('encodes strings as UTF-8 and byte arrays as bytes', () => {
    expect(U.base64Encode('héllo')).toBe('aMOpbGxv');
    expect(U.base64Encode([-5, -1])).toBe('+/8=');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
  });

  it('decodes to signed bytes', () => {
    expect(U.base64Decode('+/8=')).toEqual([-5, -1]);
    expect(U.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(U.base64DecodeWebSafe('-_8')).toEqual([-5, -1]);
  });

  it('refuses text that is not base64 ("Could not decode string.")', () => {
    expect(thrown(() => U.base64Decode('not base64!'))).toBe('Could not decode string.');
    expect(thrown(() => U.base64Decode('-_8='))).toBe('Could not decode string.');
  });

  it('round-trips any byte array through both alphabets (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -128, max: 127 }), { maxLength: 64 }), (bytes) => {
        expect(U.base64Decode(U.base64Encode(bytes))).toEqual(bytes);
        expect(U.base64DecodeWebSafe(U.base64EncodeWebSafe(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe('Utilities digests and signatures', () => {
  it('computes MD5, SHA-1, SHA-256 and SHA-512 digests as signed bytes', () => {
    for (const [alg, node] of [
      ['MD5', 'md5'],
      ['SHA_1', 'sha1'],
      ['SHA_256', 'sha256'],
      ['SHA_512', 'sha512'],
    ] as const) {
      expect(U.computeDigest(U.DigestAlgorithm[alg], 'abc')).toEqual(
        signed(createHash(node).update('abc').digest('hex')),
      );
    }
    expect(U.computeDigest(U.DigestAlgorithm.MD5, '')[0]).toBe(-44); // d4 1d 8c d9 ...
  });

  it('computes HMAC-SHA256 signatures from strings or byte arrays', () => {
    const expected = signed('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(U.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key')).toEqual(
      expected,
    );
    const bytes = (s: string) => [...Buffer.from(s)];
    expect(
      U.computeHmacSha256Signature(bytes('The quick brown fox jumps over the lazy dog'), bytes('key')),
    ).toEqual(expected);
  });
});

describe('Utilities.newBlob', () => {
  it('holds bytes, text, content type and name', () => {
    const blob = U.newBlob('héllo', 'text/plain', 'greeting.txt');
    expect([
      blob.getDataAsString(),
      blob.getBytes().length,
      blob.getContentType(),
      blob.getName(),
      blob.isGoogleType(),
    ]).toEqual(['héllo', 6, 'text/plain', 'greeting.txt', false]);
  });

  it('copies independently with copyBlob, and setters change only the original', () => {
    const blob = U.newBlob([104, 105]);
    const copy = blob.copyBlob();
    blob.setContentType('text/csv').setName('a.csv');
    expect([copy.getDataAsString(), copy.getContentType(), copy.getName(), blob.getContentType()]).toEqual([
      'hi',
      null,
      null,
      'text/csv',
    ]);
  });

  it('gzips and ungzips', () => {
    const zipped = U.gzip(U.newBlob('data data data', 'text/plain', 'd.txt'));
    expect([zipped.getContentType(), zipped.getName()]).toEqual(['application/x-gzip', 'd.txt.gz']);
    expect(U.ungzip(zipped).getDataAsString()).toBe('data data data');
  });
});

describe('Utilities.parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(U.parseCsv('a,"b,c","say ""hi"""\r\n1,"two\nlines",3')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', '3'],
    ]);
  });

  it('uses another delimiter when asked', () => {
    expect(U.parseCsv('a\tb\n1\t2', '\t')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('Utilities.getUuid', () => {
  it('returns distinct version-4 shaped ids, reproducible from one emulator to the next', () => {
    const a = emulator();
    const b = emulator();
    const ids = a.run((gas) => [gas.Utilities.getUuid(), gas.Utilities.getUuid()]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(b.run((gas) => gas.Utilities.getUuid())).toBe(ids[0]);
  });
});
