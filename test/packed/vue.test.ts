import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, consumer, requireInstalled, runFailing, writeFiles } from './consumer.js';

/**
 * Vue templates are typed by `sessionkit/vue` (generated from custom-elements.json): vue-tsc
 * accepts the elements used as documented and rejects a wrong prop type or event handler.
 */
const app = join(consumer, 'vue');

const tsconfig = JSON.stringify({
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2023', 'dom', 'dom.iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    // What the README tells Vue users to add.
    types: ['sessionkit/vue'],
  },
  vueCompilerOptions: { strictTemplates: true },
  include: ['src/**/*.vue', 'src/**/*.ts'],
});

const script = `<script setup lang="ts">
import 'sessionkit';
import type { SkSessionExpiredDetail } from 'sessionkit';

function onExpired(event: CustomEvent<SkSessionExpiredDetail>) {
  console.log(event.detail.reason);
}
function onLogout(event: CustomEvent<{ scope: string; serverRevoked: boolean }>) {
  console.log(event.detail.serverRevoked);
}
</script>`;

const template = (expired: string, logout = '@sk-logout="onLogout"') => `${script}

<template>
  <sk-session-provider base-url="/api/auth" csrf-header="x-csrf-token" csrf-cookie="csrf">
    <sk-logout-button scope="all" redirect-to="/login" ${logout}>Sign out</sk-logout-button>
    <sk-session-list :refresh-interval="60" hide-ip :page-size="10"></sk-session-list>
    <sk-session-expired login-url="/login" ${expired} @sk-session-expired="onExpired"></sk-session-expired>
  </sk-session-provider>
</template>
`;

/** One vue-tsc run over the right template and each wrong one (one file each); its output by file. */
let errors: Record<string, string[]>;
let status: number;

beforeAll(() => {
  requireInstalled();
  writeFiles(app, {
    'package.json': JSON.stringify({ name: 'vue-app', private: true, type: 'module' }),
    'tsconfig.json': tsconfig,
    'src/Right.vue': template(':warn-before="120" :idle-timeout="1800"'),
    'src/WrongPropType.vue': template(':warn-before="{ bogus: true }"'),
    'src/WrongUnionValue.vue': template(':warn-before="120"').replace('scope="all"', 'scope="everywhere"'),
    'src/WrongHandler.vue': template(':warn-before="120"', '@sk-logout="onExpired"'),
  });
  const result = runFailing(bin('vue-tsc'), ['-p', 'tsconfig.json'], app);
  status = result.status;
  errors = {};
  for (const line of result.output.split('\n')) {
    const file = line.match(/^src\/(\w+\.vue)\(/)?.[1];
    if (file) (errors[file] ??= []).push(line);
  }
});

describe('sessionkit/vue', () => {
  it('vue-tsc accepts the elements with the right props and event handlers', () => {
    expect(errors['Right.vue']).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['WrongHandler.vue', 'WrongPropType.vue', 'WrongUnionValue.vue']);
    expect(status).not.toBe(0);
  });

  it('vue-tsc rejects a prop of the wrong type', () => {
    expect(errors['WrongPropType.vue'].join('\n')).toMatch(/error TS2322: Type '\{ bogus: true; \}' is not assignable to type 'number'/);
  });

  it("vue-tsc rejects a value outside a prop's union", () => {
    expect(errors['WrongUnionValue.vue'].join('\n')).toMatch(/error TS2322: Type '"everywhere"' is not assignable to type 'SignOutScope \| "others"/);
  });

  it("vue-tsc rejects an event handler that expects another event's detail", () => {
    expect(errors['WrongHandler.vue'].join('\n')).toMatch(/error TS2322/);
    expect(errors['WrongHandler.vue']).toHaveLength(1);
  });
});
