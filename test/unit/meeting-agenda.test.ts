import { describe, expect, it } from 'vitest';
import { meetingAgendaItems } from '../../lib/parser/agenda.js';
import type { TextLine } from '../../lib/pdf/types.js';

function line(y: number, x: number, text: string, fontSize = 10): TextLine {
  const segment = { text, x, xEnd: x + 5 * text.length, y, fontSize, fontName: 'F1', markers: [] };
  return { y, x, xEnd: segment.xEnd, fontSize, text, segments: [segment] };
}

describe('meetingAgendaItems', () => {
  it('reads the agenda headings of a meeting record, with titles and a sub-item, once each', () => {
    // Arrange
    const pages = [
      {
        lines: [
          line(300, 123, 'Agenda item 13 (continued)'),
          line(312, 123, 'An invented item title that runs over'),
          line(324, 123, 'two lines'),
          line(342, 141, 'The President: I give the floor to the first speaker.'),
        ],
      },
      {
        lines: [
          line(80, 123, 'Agenda item 125 (continued)'),
          line(92, 123, 'Cooperation between invented organizations'),
          line(104, 126, '(l) Cooperation with an invented council'),
          line(122, 141, 'The President: We now turn to the draft resolution.'),
          line(300, 123, 'Agenda item 13 (continued)'),
          line(312, 123, 'An invented item title that runs over'),
        ],
      },
    ];

    // Act
    const items = meetingAgendaItems(pages);

    // Assert
    expect(items).toEqual([
      { number: '13', title: 'An invented item title that runs over two lines', provisional: false },
      {
        number: '125 (l)',
        title: 'Cooperation between invented organizations: Cooperation with an invented council',
        provisional: false,
      },
    ]);
  });

  it('ignores agenda items mentioned in running text', () => {
    // Arrange
    const pages = [
      { lines: [line(300, 123, 'Agenda item 13 was taken up at the previous meeting, as members recall.')] },
    ];

    // Act
    const items = meetingAgendaItems(pages);

    // Assert
    expect(items).toEqual([]);
  });
});
