import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../lib/extract.js';
import { readPdf } from '../../lib/pdf/reader.js';
import { makeSamples, SAMPLES_DIR } from '../../scripts/make-samples.js';
import type { Expected } from '../../scripts/samples/model.js';

const expected: Expected[] = JSON.parse(await readFile(join(SAMPLES_DIR, 'expected.json'), 'utf8'));

/** Each page's text as the PDF reader lays it out (positioned lines, before any parsing). */
async function pageTexts(file: string): Promise<string[]> {
  const document = await readPdf(new Uint8Array(await readFile(join(SAMPLES_DIR, file))));
  return document.pages.map((page) => page.text);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line breaks and runs of spaces become one space, so wrapped titles compare as one line. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('committed samples', () => {
  let outDir = '';
  let written: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'undocs-samples-'));
    written = await makeSamples(outDir);
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('lists one expected entry per generated PDF', () => {
    const pdfs = written.filter((path) => path.endsWith('.pdf')).map((path) => basename(path));

    expect(expected.map((e) => e.file).sort()).toEqual([...pdfs].sort());
  });

  it('regenerates byte-identical PDFs and expected.json', async () => {
    expect(written.length).toBe(expected.length + 1);

    for (const path of written) {
      const fresh = await readFile(path);
      const committed = await readFile(join(SAMPLES_DIR, basename(path)));
      expect(fresh.equals(committed), `${basename(path)} differs from the committed file`).toBe(true);
    }
  });
});

describe.each(expected)('$file', (truth) => {
  let pages: string[] = [];

  beforeAll(async () => {
    pages = await pageTexts(truth.file);
  });

  it('has the expected number of pages, each with the sample footer', () => {
    expect(pages).toHaveLength(truth.pageCount);
    for (const text of pages) expect(text).toMatch(/undocs sample document: /);
  });

  it('prints its symbols on page 1, or none', () => {
    const first = pages[0] ?? '';

    for (const symbol of truth.symbols) expect(first).toContain(symbol);
    if (truth.symbols.length === 0) expect(first).not.toMatch(/\b[AS]\/\d+\/\d+/);
  });

  it('prints the title on page 1', () => {
    // The 1992 layout prints its title in capitals; expected.json gives it in sentence case.
    expect(flat(pages[0] ?? '').toLowerCase()).toContain(truth.title.toLowerCase());
  });

  it('prints the agenda line and the agenda item titles', () => {
    const first = flat(pages[0] ?? '');

    if (truth.agendaRaw !== null) expect(first).toContain(truth.agendaRaw);
    for (const title of truth.agendaTitles) expect(first.toLowerCase()).toContain(title.toLowerCase());
  });

  it('prints every signatory with their titles', () => {
    const all = pages.join('\n');

    for (const signatory of truth.signatories) {
      expect(all).toMatch(
        new RegExp(`(\\((Signed|Signé|Подпись|توقيع)\\) |（签名）)${escapeRegExp(signatory.name)}\\n`),
      );
      for (const title of signatory.titles) expect(all).toContain(title);
    }
  });

  it('reads as the language expected.json gives', async () => {
    const document = await extractDocument(new Uint8Array(await readFile(join(SAMPLES_DIR, truth.file))));

    expect(document.language).toBe(truth.language);
  });

  it('prints each numbered footnote, the first one in full, and the star notes', () => {
    const all = pages.join('\n');

    for (let n = 1; n <= truth.footnoteCount; n++) expect(all).toMatch(new RegExp(`^${n}/? +\\S`, 'm'));
    if (truth.firstFootnote !== null) {
      expect(flat(all)).toMatch(new RegExp(`(^| )1/? ${escapeRegExp(truth.firstFootnote)}`));
    }
    for (const note of truth.starNotes) expect(flat(all)).toContain(`* ${note}`);
  });
});

describe('sample-letter-ar.pdf, Arabic set right to left with presentation forms', () => {
  let text = '';
  let lines: string[] = [];

  beforeAll(async () => {
    text = (await pageTexts('sample-letter-ar.pdf'))[0] ?? '';
    lines = text.split('\n');
  });

  it('reads Arabic words in reading order, in base letters', () => {
    expect(text).toContain('مجلس الأمن');
    expect(lines[0]).toBe('الأمم المتحدة  S/2025/556');
    expect(text).toContain('وأرجو ممتنا تعميم هذه الرسالة بوصفها وثيقة من وثائق مجلس الأمن.');
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  });

  it('keeps Latin symbols and the English masthead column readable left to right', () => {
    expect(text).toContain('استنادا إلى الوثيقة S/2025/555 التي تتناول');
    expect(lines[1]).toBe('مجلس الأمن  Distr.: General');
    expect(text).toContain('Original: Arabic');
  });

  it('reads Arabic-Indic digits as ASCII digits (the dates of the title and the text)', () => {
    expect(text).toContain('رسالة مؤرخة 1 أيلول/سبتمبر 2025 موجهة إلى رئيس مجلس الأمن');
    expect(text).toContain('في 15 تشرين الأول/أكتوبر 2025، اجتماعا');
    expect(text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
  });

  it('reads the signature with its brackets the right way round', () => {
    expect(lines).toContain('(توقيع) محمد أحمد');
  });
});

describe('sample-letter-zh.pdf, Chinese', () => {
  let text = '';

  beforeAll(async () => {
    text = (await pageTexts('sample-letter-zh.pdf'))[0] ?? '';
  });

  it('reads Chinese without spaces between characters, the letter-spaced organ name included', () => {
    expect(text.split('\n')[1]).toBe('安全理事会  Distr.: General');
    expect(text).toContain('请将本信作为安全理事会的文件分发为荷。');
    expect(text).not.toMatch(
      /[\u4E00-\u9FFF\u3000-\u303F\uFF00-\uFFEF] +[\u4E00-\u9FFF\u3000-\u303F\uFF00-\uFFEF]/u,
    );
  });

  it('keeps the Latin symbol and figures inside Chinese text', () => {
    expect(text).toContain('2025年9月1日冰岛常驻联合国代表给安全理事会主席的信');
    expect(text).toContain('会议将参考S/2025/555号文件所述的做法。');
  });
});

describe('sample-letter-ru.pdf, Russian', () => {
  let lines: string[] = [];

  beforeAll(async () => {
    lines = ((await pageTexts('sample-letter-ru.pdf'))[0] ?? '').split('\n');
  });

  it('reads the Russian masthead beside its English right-hand column', () => {
    expect(lines[0]).toBe('Организация Объединенных Наций  S/2025/558');
    expect(lines[1]).toBe('Совет Безопасности  Distr.: General');
    expect(lines).toContain('Original: Russian');
  });

  it('keeps Latin symbols and figures inside Russian text, and the signature whole', () => {
    expect(lines.join(' ')).toContain('по инициативе Бельгии (см. документ S/2025/555).');
    expect(lines.join(' ')).toContain('Совета не позднее 8 октября 2025 года.');
    expect(lines).toContain('(Подпись) Иван Иванов');
  });
});
