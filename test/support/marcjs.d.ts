/** The part of marcjs (MIT; no types of its own) the export tests read MARCXML back with. */
declare module 'marcjs' {
  import type { Duplex } from 'node:stream';

  /** A record as marcjs holds it: control fields `[tag, value]`, data fields `[tag, ind1ind2, code, value, ...]`. */
  export class Record {
    leader: string;
    fields: string[][];
  }

  export const Marc: {
    createStream(type: 'marcxml' | 'iso2709' | 'mij', what: 'Parser'): Duplex;
    parse(raw: string, type: 'marcxml' | 'iso2709' | 'mij'): Record;
  };
}
