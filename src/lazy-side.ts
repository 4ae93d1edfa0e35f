// The build's entry for dist/lazy-side.{js,cjs}: what only a failure or a body needs. scripts/lazy-side.mjs
// writes its exports at build time (every module of the lazy side, one namespace each); nothing imports this file.
export {};
