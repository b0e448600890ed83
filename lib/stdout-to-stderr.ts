// Imported first by the CLI and by the PDF-reading thread (lib/extractor/worker.ts), which the CLI
// runs too: stdout carries only results (JSON for `undocs extract`), and pdf.js prints its warnings
// with console.log. Results are written with process.stdout.write or sent as messages; anything
// printed with console.log goes to stderr.
console.log = console.error;
