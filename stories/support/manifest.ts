import type { ArgTypes } from '@storybook/web-components-vite';

/**
 * custom-elements.json, generated from the classes' JSDoc by `npm run analyze` (not committed).
 * Read through a glob so that type-checking does not depend on the generated file; a missing
 * manifest is a clear error when Storybook starts instead.
 */
const generated = Object.values(import.meta.glob<unknown>('../../custom-elements.json', { eager: true, import: 'default' }));
if (!generated.length) throw new Error('custom-elements.json is missing: run `npm run analyze` (custom-elements-manifest analyze) before Storybook.');
export const manifest = generated[0];

type InputType = ArgTypes[string];

interface Item {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  kind?: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
}
interface Declaration {
  tagName?: string;
  description?: string;
  members?: Item[];
  attributes?: Array<Item & { fieldName?: string }>;
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

const declarations = (manifest as { modules: Array<{ declarations?: Declaration[] }> }).modules.flatMap((module) => module.declarations ?? []);

/** A control-friendly type from a TypeScript type text: `'light' | 'dark' | undefined` is a choice of two. */
function controlType(text: string | undefined): InputType['type'] {
  const options = (text ?? '').split('|').map((part) => part.trim()).filter((part) => part && part !== 'undefined');
  if (options.length && options.every((option) => /^'[^']*'$/.test(option))) return { name: 'enum', value: options.map((option) => option.slice(1, -1)) };
  if (options.length === 1 && (options[0] === 'boolean' || options[0] === 'number' || options[0] === 'string')) return { name: options[0] };
  return text ? { name: 'other', value: text } : undefined;
}

const row = (item: Item, category: string, extra: Partial<InputType> = {}): InputType => ({
  name: item.name || '(default)',
  description: item.description,
  type: controlType(item.type?.text),
  table: {
    category,
    type: item.type?.text ? { summary: item.type.text } : undefined,
    defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
  },
  ...extra,
});

/** `sk-logout` → `onSkLogout`: the action arg Storybook logs the event under. */
const actionArg = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;

/**
 * The API table of an element, from custom-elements.json. Storybook's own extraction keys every
 * entry by its bare name, so a slot and a part that share a name (`heading`), or an attribute and
 * a part (`confirm`), overwrite each other, and the unnamed default slot is dropped. Here each kind
 * has its own keys; attributes keep their names, so `args['page-size']` is the attribute's control.
 */
export function extractArgTypes(tag: string): ArgTypes {
  const element = declarations.find((declaration) => declaration.tagName === tag);
  if (!element) return {};
  const argTypes: ArgTypes = {};
  const attributeFields = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  for (const attribute of element.attributes ?? []) {
    const property = attribute.fieldName && attribute.fieldName !== attribute.name ? `\n\nProperty: \`${attribute.fieldName}\`.` : '';
    argTypes[attribute.name] = row({ ...attribute, description: `${attribute.description ?? ''}${property}` }, 'attributes');
  }
  for (const member of element.members ?? []) {
    if (member.static || attributeFields.has(member.name)) continue;
    if (member.kind === 'field') argTypes[`property:${member.name}`] = row(member, 'properties', { control: false });
    // Public methods with JSDoc are API (`show()`); undocumented overrides (`disconnectedCallback`) are not.
    else if (member.kind === 'method' && member.description) argTypes[`method:${member.name}`] = row({ ...member, name: `${member.name}()` }, 'methods', { control: false });
  }
  for (const event of element.events ?? []) {
    argTypes[`event:${event.name}`] = row(event, 'events', { control: false });
    argTypes[actionArg(event.name)] = { name: actionArg(event.name), action: event.name, table: { disable: true } };
  }
  for (const slot of element.slots ?? []) argTypes[`slot:${slot.name || 'default'}`] = row(slot, 'slots', { control: false });
  for (const part of element.cssParts ?? []) argTypes[`part:${part.name}`] = row(part, 'css shadow parts', { control: false });
  for (const property of element.cssProperties ?? []) argTypes[property.name] = row(property, 'css custom properties', { control: false });
  return argTypes;
}

/** The element's description (its class JSDoc), for the docs page. */
export const extractComponentDescription = (tag: string) => declarations.find((declaration) => declaration.tagName === tag)?.description;
