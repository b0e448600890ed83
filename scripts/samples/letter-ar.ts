/**
 * An invented Arabic Security Council letter, S/2025/556, set right to left with the masthead
 * mirrored as UN Arabic documents print it: "الأمم المتحدة" and "مجلس الأمن" on the right, the
 * symbol and the "Distr.: General" column (in English, as in every language version) on the left.
 * Jordan is real; the letter, the meeting and the signatory (a placeholder name) are not.
 *
 * Dates in the text use Arabic-Indic digits (١٥ تشرين الأول/أكتوبر ٢٠٢٥), as UN Arabic documents
 * did until the 2000s, so the sample exercises their folding to ASCII digits; the symbols are
 * Latin with ASCII digits, as always. The reader folds the digits (lib/pdf/script-text.ts), so the
 * expected title has ASCII ones.
 */
import { INVENTED_FOOTER, type ScriptSampleDocument } from './model.js';

const TITLE =
  'رسالة مؤرخة ١ أيلول/سبتمبر ٢٠٢٥ موجهة إلى رئيس مجلس الأمن من الممثل الدائم للأردن لدى الأمم المتحدة';

/** The title as the reader gives it: Arabic-Indic digits read as ASCII digits. */
const TITLE_READ = TITLE.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

export const letterAr: ScriptSampleDocument = {
  kind: 'script',
  file: 'sample-letter-ar.pdf',
  lang: 'ar',
  script: 'arabic',
  size: 'A4',
  infoTitle: 'S/2025/556 (undocs sample)',
  infoSubject: 'undocs sample: invented Arabic letter',
  unitedNations: 'الأمم المتحدة',
  organ: 'مجلس الأمن',
  symbol: 'S/2025/556',
  column: ['Distr.: General', '3 September 2025', '', 'Original: Arabic'],
  title: TITLE,
  paragraphs: [
    'يشرفني أن أبلغكم بأن الأردن سينظم، في ١٥ تشرين الأول/أكتوبر ٢٠٢٥، اجتماعا بصيغة آريا بشأن حماية المحفوظات العامة أثناء النزاعات المسلحة.',
    'وكثيرا ما تكون محفوظات الإدارات والمحاكم ودوائر الأحوال المدنية من أول ضحايا الأعمال العدائية. وسيستمع أعضاء مجلس الأمن إلى أمناء محفوظات وخبراء قانونيين، استنادا إلى الوثيقة S/2025/555 التي تتناول الموضوع نفسه.',
    'وأرجو ممتنا تعميم هذه الرسالة بوصفها وثيقة من وثائق مجلس الأمن.',
  ],
  signature: { signed: '(توقيع)', name: 'محمد أحمد', titles: ['الممثل الدائم'] },
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-letter-ar.pdf',
    symbols: ['S/2025/556'],
    distribution: 'General',
    date: '2025-09-03',
    originalLanguage: 'Arabic',
    language: 'ar',
    organs: ['Security Council'],
    sessions: [],
    agendaRaw: null,
    agendaItems: [],
    agendaTitles: [],
    title: TITLE_READ,
    subtitles: [],
    signatories: [{ name: 'محمد أحمد', titles: ['الممثل الدائم'] }],
    footnoteCount: 0,
    firstFootnote: null,
    starNotes: [],
    pageCount: 1,
    // The parser has no Arabic/Chinese masthead and signature lexicons yet (issue 10).
  },
};
