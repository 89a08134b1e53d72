import type { NextConfig } from 'next';

const config: NextConfig = {
  // The example sits inside the sessionkit repository; its own folder is its root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
