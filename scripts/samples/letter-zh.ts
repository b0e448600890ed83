/**
 * An invented Chinese Security Council letter, S/2025/557: the Chinese version of a letter
 * written in English (the masthead says "Chinese" and "Original: English", in English, as UN
 * documents in every language do). Iceland is real; the letter, the meeting and the signatory (a
 * placeholder name) are not. Chinese is set without spaces between characters; the symbol and the
 * date figures in Times, as UN Chinese documents set Latin text. The organ's name is letter-spaced:
 * pdf.js reads the gaps as spaces, which the reader takes out between CJK characters.
 */
import { INVENTED_FOOTER, type ScriptSampleDocument } from './model.js';

const TITLE = '2025年9月1日冰岛常驻联合国代表给安全理事会主席的信';

export const letterZh: ScriptSampleDocument = {
  kind: 'script',
  file: 'sample-letter-zh.pdf',
  lang: 'zh-CN',
  script: 'chinese',
  size: 'A4',
  infoTitle: 'S/2025/557 (undocs sample)',
  infoSubject: 'undocs sample: invented Chinese letter',
  unitedNations: '联合国',
  organ: '安全理事会',
  organSpacing: 0.3,
  symbol: 'S/2025/557',
  column: ['Distr.: General', '4 September 2025', 'Chinese', 'Original: English'],
  title: TITLE,
  paragraphs: [
    '谨通知你，冰岛将于2025年10月15日举行一次阿里亚办法会议，主题是在武装冲突期间保护公共档案。',
    '行政机关、法院和民事登记部门的档案往往最先遭受敌对行动的破坏。这些档案的毁损使流离失所者无法证明其身份和财产，也妨碍冲突结束后追究责任。会议将参考S/2025/555号文件所述的做法。',
    '请将本信作为安全理事会的文件分发为荷。',
  ],
  signature: { signed: '（签名）', name: '约恩·约恩松', titles: ['常驻代表'] },
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-letter-zh.pdf',
    symbols: ['S/2025/557'],
    distribution: 'General',
    date: '2025-09-04',
    originalLanguage: 'English',
    language: 'zh',
    organs: ['Security Council'],
    sessions: [],
    agendaRaw: null,
    agendaItems: [],
    agendaTitles: [],
    title: TITLE,
    subtitles: [],
    signatories: [{ name: '约恩·约恩松', titles: ['常驻代表'] }],
    footnoteCount: 0,
    firstFootnote: null,
    starNotes: [],
    pageCount: 1,
    // The parser has no Arabic/Chinese masthead and signature lexicons yet (issue 10).
  },
};
