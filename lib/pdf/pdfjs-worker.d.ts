// pdf.js ships its worker as an untyped module; importing it for its side effect
// (it sets globalThis.pdfjsWorker) is all we do with it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
