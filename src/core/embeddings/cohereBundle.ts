// The Cohere SDK as a bundle of its own (dist/cohere.js): about 0.7 MB that the extension and
// the CLI load only when they first call Cohere, so starting either costs nothing for it.
export * from 'cohere-ai';
