// Types of kit.js: the same modules, from the sources dist/ is compiled from.
export * from '../../components/index.js';
export { FakeAuthServer, SAMPLE_DEVICES } from '../../core/msw/index.js';
export { setupWorker } from 'msw/browser';
export { http, HttpResponse } from 'msw';
