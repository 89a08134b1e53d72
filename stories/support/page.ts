import type { Decorator, StoryContext } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import type { StoryEnv } from './environment.js';
import { eventLog } from './event-log.js';

/** `parameters.page`: how the page around a story looks. */
export interface PageParameters {
  /** A dark page (and canvas) behind the story, so dark themes are seen, and contrast-checked, as meant. */
  dark?: boolean;
  /** The page's direction and language, for right-to-left stories: the whole page mirrors, not only the elements. */
  dir?: 'rtl';
  lang?: string;
}

const pageOf = (context: StoryContext) => (context.parameters.page ?? {}) as PageParameters;
/** A dark page where the story asks for one, or where its `theme` control is set to dark. */
const isDark = (context: StoryContext) => !!pageOf(context).dark || context.args.theme === 'dark';

/**
 * Wraps every story in a padded page (dark where the story asks), and forwards the elements'
 * events to the Actions panel: the manifest declares them, Storybook makes an `onSkLogout`-style
 * action arg for each, and this listens for them on the wrapper.
 */
export const withPage: Decorator = (story, context) => {
  const page = document.createElement('div');
  page.className = isDark(context) ? 'sk-story-page sk-story-page-dark' : 'sk-story-page';
  const { dir, lang } = pageOf(context);
  if (dir) page.dir = dir;
  if (lang) page.lang = lang;
  for (const [name, argType] of Object.entries(context.argTypes)) {
    const action = argType.action as string | { name?: string } | undefined;
    const event = typeof action === 'string' ? action : action?.name;
    const handler = context.args[name];
    if (event && typeof handler === 'function') page.addEventListener(event, handler as EventListener);
  }
  render(story(), page);
  return page;
};

/** beforeEach: a dark story (or theme control) darkens the whole canvas (not the docs page it may be shown in). */
export const darkCanvas = (context: StoryContext) => {
  if (!isDark(context) || context.viewMode !== 'story') return undefined;
  document.documentElement.classList.add('sk-story-dark');
  return () => document.documentElement.classList.remove('sk-story-dark');
};

/** The story's markup, with an on-screen log of `events` below it. */
export function stage(env: StoryEnv, content: TemplateResult, events: readonly string[] = []): HTMLElement {
  const root = document.createElement('div');
  root.className = 'sk-story-stage';
  const view = document.createElement('div');
  render(content, view);
  root.append(view);
  if (events.length) root.append(eventLog(env, root, events));
  return root;
}

const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link']);

/** Lines of raw text (a `<style>`), re-indented under `pad`. */
function block(text: string, pad: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim());
  const indent = Math.min(...lines.map((line) => line.match(/^\s*/)![0].length));
  return lines.map((line) => pad + line.slice(indent).trimEnd());
}

function pretty(node: Node, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent!.trim().replace(/\s+/g, ' ');
    return text ? [pad + text] : [];
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const element = node as Element;
  const attributes = [...element.attributes].map((attribute) => (attribute.value === '' ? attribute.name : `${attribute.name}="${attribute.value}"`));
  const open = `<${element.localName}${attributes.length ? ` ${attributes.join(' ')}` : ''}>`;
  if (VOID.has(element.localName)) return [pad + open];
  const close = `</${element.localName}>`;
  const children = element.localName === 'style' ? block(element.textContent ?? '', `${pad}  `) : [...element.childNodes].flatMap((child) => pretty(child, depth + 1));
  if (!children.length) return [pad + open + close];
  if (children.length === 1 && !element.children.length && element.localName !== 'style') return [pad + open + children[0].trim() + close];
  return [pad + open, ...children, pad + close];
}

/**
 * docs.source.transform: the story's own markup, without the page around it and the event log,
 * indented. The story's client is a REST client at `/api/auth`, which is what `base-url` gives.
 */
export function storySource(code: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${code}</body>`, 'text/html');
  const view = parsed.querySelector('.sk-story-stage > div') ?? parsed.querySelector('.sk-story-page') ?? parsed.body;
  for (const provider of view.querySelectorAll('sk-session-provider:not([base-url])')) provider.setAttribute('base-url', '/api/auth');
  return [...view.childNodes].flatMap((child) => pretty(child, 0)).join('\n');
}
