// The built package, imported the way an app imports it: esbuild resolves these through
// package.json "exports" to dist/. (Types come from kit.d.ts, which points at the sources dist/ is
// built from, so `npm run typecheck` passes before `npm run build`.)
export * from 'sessionkit';
export { FakeAuthServer, SAMPLE_DEVICES } from 'sessionkit/msw';
export { setupWorker } from 'msw/browser';
export { http, HttpResponse } from 'msw';
