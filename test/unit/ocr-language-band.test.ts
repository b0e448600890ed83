/** The language pass (lib/ocr/index.ts): the band it reads, and how the models' readings of it decide. */
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrResult } from '../../lib/ocr/engine.js';
import { chooseLanguage, densestBand } from '../../lib/ocr/index.js';
import type { PageImage } from '../../lib/ocr/render.js';
import type { LanguageCode } from '../../lib/parser/lexicon/types.js';

/** A white page `width` x `height` with black rows from `from` to `to` (exclusive). */
function page(width: number, height: number, inked: readonly (readonly [number, number])[]): PageImage {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [from, to] of inked) grey.fill(0, from * width, to * width);
  return { page: 1, width, height, dpi: 150, grey };
}

describe('densestBand', () => {
  it.each([
    ['text at the top of a short letter', [[5, 25]], 0.3, 0],
    ['a dense block at the foot of the page', [[70, 95]], 0.3, 65],
    [
      'the bigger of two blocks',
      [
        [5, 10],
        [50, 75],
      ],
      0.3,
      45,
    ],
  ] as const)('finds %s', (_case, inked, share, top) => {
    // Arrange
    const image = page(10, 100, inked);

    // Act
    const band = densestBand(image, share);

    // Assert: the band's rows are the page's, from `top`
    expect(band.top).toBe(top);
    expect(band.image.height).toBe(30);
    expect(band.image.width).toBe(10);
    expect([...band.image.grey]).toEqual([...image.grey.subarray(top * 10, (top + 30) * 10)]);
  });

  it('gives the whole image when the band would be as tall', () => {
    // Arrange
    const image = page(10, 3, [[1, 2]]);

    // Act
    const band = densestBand(image, 0.9);

    // Assert
    expect(band).toEqual({ image, top: 0 });
  });
});

/** A reading of `count` words of `word`, each read `confidence` sure. */
function reading(word: string, count: number, confidence = 90): OcrResult {
  const words = Array.from({ length: count }, (_, i) => ({
    text: word,
    box: { x0: i * 10, y0: 0, x1: i * 10 + 9, y1: 9 },
    confidence,
  }));
  return { lines: [{ words, baseline: { x0: 0, y0: 9, x1: 10 * count, y1: 9 }, rowHeight: 10 }], confidence };
}

/** An engine that answers each language with a set reading and records what it was asked. */
function fakeEngine(readings: Partial<Record<LanguageCode, OcrResult>>) {
  const asked: { language: LanguageCode; height: number }[] = [];
  const engine: OcrEngine = {
    async recognize(image, language) {
      asked.push({ language, height: image.height });
      return readings[language] ?? { lines: [], confidence: 0 };
    },
    async close() {},
  };
  return { engine, asked };
}

const ENGLISH = 'the report of the committee and the decision of the council in the session';
const FRENCH = 'le rapport du comité et la décision du conseil dans la session des nations';

describe('chooseLanguage', () => {
  // Letters are counted on words read at least SURE_WORD sure; each word below is one reading.
  const cases: {
    name: string;
    readings: Partial<Record<LanguageCode, OcrResult>>;
    language: LanguageCode;
    asked: LanguageCode[];
  }[] = [
    {
      name: 'an English band of body text settles it on the Latin reading alone',
      readings: { en: reading(ENGLISH, 3) },
      language: 'en',
      asked: ['en'],
    },
    {
      name: 'French is told from English by its function words',
      readings: { en: reading(FRENCH, 3) },
      language: 'fr',
      asked: ['en'],
    },
    {
      name: 'Latin letters without words of a language (look-alikes of another script) do not settle it',
      readings: { en: reading('Bcerbpahnsh', 12), ru: reading('Генеральная', 60) },
      language: 'ru',
      asked: ['en', 'ru'],
    },
    {
      name: 'too few Latin letters do not settle it, even in words of a language',
      readings: { en: reading('the and of', 1), ar: reading('الجمعية', 40) },
      language: 'ar',
      asked: ['en', 'ru', 'ar'],
    },
    {
      name: 'Russian that reads twice the Latin letters stops the pass before Arabic and Chinese',
      readings: { en: reading('Bcerbpahnsh', 10), ru: reading('Ассамблея', 30) },
      language: 'ru',
      asked: ['en', 'ru'],
    },
    {
      name: 'a script that reads many letters but not twice the best so far does not stop the pass',
      readings: { en: reading('Bcerbpahnsh', 15), ru: reading('Ассамблея', 20), zh: reading('联合国', 10) },
      language: 'ru',
      asked: ['en', 'ru', 'ar', 'zh'],
    },
    {
      name: 'Chinese, the last tried, wins on the most letters of its own script',
      readings: { en: reading('Xx', 1), zh: reading('联合国大会', 30) },
      language: 'zh',
      asked: ['en', 'ru', 'ar', 'zh'],
    },
    {
      name: 'letters read without confidence count for nothing',
      readings: { en: reading(ENGLISH, 3), ru: reading('Ассамблея', 50, 30) },
      language: 'en',
      asked: ['en'],
    },
    {
      name: 'a page nothing reads (noise) falls back to the main language of the archive',
      readings: {},
      language: 'en',
      asked: ['en', 'ru', 'ar', 'zh'],
    },
  ];

  it.each(cases)('$name', async ({ readings, language, asked }) => {
    // Arrange
    const { engine, asked: log } = fakeEngine(readings);
    const image = page(100, 1000, [[100, 200]]);

    // Act
    const found = await chooseLanguage(engine, image);

    // Assert
    expect(found).toBe(language);
    expect(log.map((a) => a.language)).toEqual(asked);
  });

  it('reads the densest band only, never the whole page', async () => {
    // Arrange
    const { engine, asked } = fakeEngine({});

    // Act
    await chooseLanguage(engine, page(100, 1000, [[600, 700]]));

    // Assert
    expect(asked.map((a) => a.height)).toEqual([300, 300, 300, 300]);
  });
});
