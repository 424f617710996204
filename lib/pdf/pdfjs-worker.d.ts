// pdfjs-dist ships no declarations for its worker module; lib/pdf/pdfjs.ts only hands it to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
