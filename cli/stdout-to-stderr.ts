// Imported first by the CLI and by its extract worker: stdout carries only results (JSON for
// `extract`), and pdf.js prints its warnings with console.log. Results are written with
// process.stdout.write; anything printed with console.log goes to stderr.
console.log = console.error;
