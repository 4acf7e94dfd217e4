import fc from 'fast-check';
import { readImageInfo } from '../../../playground/emulator/spreadsheet/image-info';
import { blob, gif, jpeg, png } from './image-bytes';
import { errorOf, newEmulator } from './support';

function withSheet<T>(fn: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => T): T {
  return newEmulator().run(({ SpreadsheetApp }) => fn(SpreadsheetApp.getActiveSheet()));
}

type Insertable = Parameters<GoogleAppsScript.Spreadsheet.Sheet['insertImage']>[0];
const asBlob = (b: ReturnType<typeof blob>) => b as unknown as Insertable;

describe('Sheet.insertImage from a blob', () => {
  it('places the image at (column, row) with offsets and takes its size from the PNG header', () => {
    const got = withSheet((sheet) => {
      const img = sheet.insertImage(asBlob(blob(png(320, 200))), 3, 5, 4, 6);
      return [
        img.getAnchorCell().getA1Notation(),
        img.getAnchorCellXOffset(),
        img.getAnchorCellYOffset(),
        img.getWidth(),
        img.getHeight(),
        img.getUrl(),
      ];
    });
    expect(got).toEqual(['C5', 4, 6, 320, 200, null]);
  });

  it('reads JPEG and GIF sizes too', () => {
    const got = withSheet((sheet) => [
      [
        sheet.insertImage(asBlob(blob(jpeg(640, 480), 'image/jpeg')), 1, 1).getWidth(),
        sheet.getImages()[0].getHeight(),
      ],
      [
        sheet.insertImage(asBlob(blob(gif(16, 9), 'image/gif')), 1, 1).getWidth(),
        sheet.getImages()[1].getHeight(),
      ],
    ]);
    expect(got).toEqual([
      [640, 480],
      [16, 9],
    ]);
  });

  it('1024 × 1024 pixels (1,048,576 px²) is accepted', () => {
    expect(withSheet((sheet) => sheet.insertImage(asBlob(blob(png(1024, 1024))), 1, 1).getWidth())).toBe(
      1024,
    );
  });

  it('1025 × 1024 pixels is refused', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.insertImage(asBlob(blob(png(1025, 1024))), 1, 1)))).toBe(
      'The image is too large to insert (1025 x 1024 pixels). Images inserted from a blob must be at most 1048576 pixels in area.',
    );
  });

  it('a 2 MB (2,097,152-byte) blob is accepted and one byte more is refused', () => {
    const got = withSheet((sheet) => [
      sheet.insertImage(asBlob(blob(png(10, 10, 2_097_152))), 1, 1).getWidth(),
      errorOf(() => sheet.insertImage(asBlob(blob(png(10, 10, 2_097_153))), 1, 1)),
    ]);
    expect(got).toEqual([
      10,
      'The image is too large to insert (2097153 bytes). Images inserted from a blob must be 2 MB or smaller.',
    ]);
  });

  it('formats other than PNG, JPEG and GIF are refused', () => {
    const bmp = [0x42, 0x4d, 0, 0, 0, 0, 0, 0];
    expect(withSheet((sheet) => errorOf(() => sheet.insertImage(asBlob(blob(bmp, 'image/bmp')), 1, 1)))).toBe(
      'The image could not be inserted: image/bmp is not a supported format. Use PNG, JPEG or GIF.',
    );
  });

  it('a refused image leaves the sheet without images', () => {
    expect(
      withSheet((sheet) => {
        errorOf(() => sheet.insertImage(asBlob(blob(png(2000, 2000))), 1, 1));
        return sheet.getImages().length;
      }),
    ).toBe(0);
  });
});

describe('Sheet.insertImage from a URL', () => {
  it('stores the URL as given', () => {
    const url = 'https://example.com/chart.png';
    expect(withSheet((sheet) => sheet.insertImage(url, 2, 2).getUrl())).toBe(url);
  });

  it('refuses text that is not a URL with the platform message', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.insertImage('not a url', 1, 1)))).toBe(
      'Error retrieving image from URL or bad URL',
    );
  });
});

describe('OverGridImage', () => {
  it('setWidth, setHeight and alt text are read back', () => {
    const got = withSheet((sheet) => {
      const img = sheet
        .insertImage(asBlob(blob(png(100, 50))), 1, 1)
        .setWidth(300)
        .setHeight(150)
        .setAltTextTitle('MRR chart');
      return [img.getWidth(), img.getHeight(), img.getAltTextTitle(), img.getInherentWidth()];
    });
    expect(got).toEqual([300, 150, 'MRR chart', 100]);
  });

  it('replace swaps the picture and keeps its anchor and size', () => {
    const got = withSheet((sheet) => {
      const img = sheet.insertImage(asBlob(blob(png(100, 50))), 2, 3).setWidth(200);
      img.replace(asBlob(blob(png(40, 40))) as unknown as GoogleAppsScript.Base.BlobSource);
      return [img.getAnchorCell().getA1Notation(), img.getWidth(), img.getInherentWidth()];
    });
    expect(got).toEqual(['B3', 200, 40]);
  });

  it('remove takes the image off the sheet', () => {
    const got = withSheet((sheet) => {
      sheet.insertImage(asBlob(blob(png(10, 10))), 1, 1).remove();
      return sheet.getImages().length;
    });
    expect(got).toBe(0);
  });
});

describe('image-info (pure)', () => {
  it('reads back any PNG size written in the header', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (w, h) => {
        const info = readImageInfo(Uint8Array.from(png(w, h)));
        return info?.width === w && info.height === h && info.format === 'png';
      }),
    );
  });

  it('reads back any JPEG and GIF size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), fc.integer({ min: 1, max: 65_535 }), (w, h) => {
        const j = readImageInfo(Uint8Array.from(jpeg(w, h)));
        const g = readImageInfo(Uint8Array.from(gif(w, h)));
        return j?.width === w && j.height === h && g?.width === w && g.height === h;
      }),
    );
  });

  it('does not recognise random bytes as an image unless they start with an image signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), (bytes) => {
        const info = readImageInfo(bytes);
        const signed = bytes[0] === 0x89 || bytes[0] === 0x47 || bytes[0] === 0xff;
        return info === null || signed;
      }),
    );
  });
});
