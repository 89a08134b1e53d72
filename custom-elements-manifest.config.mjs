// The manifest IDEs, Storybook and the React wrappers read: generated from the classes' JSDoc.

/** Lit's internal reactive state (`state: true`, private fields) and internal events are not public API: drop them. */
function dropInternalState() {
  return {
    name: 'drop-internal-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (!declaration.tagName) delete declaration.customElement;
          const hidden = new Set(
            (declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
          );
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
          if (declaration.members) declaration.members = declaration.members.filter((m) => !m.privacy || m.privacy === 'public');
          // The analyzer mistakes the context request the elements dispatch for an event of theirs.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('sk-'));
        }
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  // Only the element classes and their base: helpers (rows, templates, formatting) are not API.
  exclude: [
    'components/**/*strings.ts',
    'components/**/styles.ts',
    'components/**/icons.ts',
    'components/**/activity.ts',
    'components/session-list/{row,templates,describe,types}.ts',
    'components/locales/**',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [dropInternalState()],
};
