import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('strings.ts') ? [path] : [];
  });
}

/** The static parts of every html`…` template in `source`, with each `${…}` replaced by a marker. */
export function templates(source: string): string[] {
  const found: string[] = [];
  let index = 0;
  while ((index = source.indexOf('html`', index)) !== -1) {
    let i = index + 5;
    let text = '';
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source.startsWith('${', i)) {
        // Skip the expression, which may hold nested templates, strings and braces.
        let depth = 1;
        i += 2;
        let quote: string | undefined;
        while (i < source.length && depth > 0) {
          const char = source[i];
          if (quote) {
            if (char === '\\') i++;
            else if (char === quote) quote = undefined;
          } else if (char === '"' || char === "'" || char === '`') quote = char;
          else if (char === '{') depth++;
          else if (char === '}') depth--;
          i++;
        }
        text += '\u241F';
      } else text += source[i++];
    }
    found.push(text);
    index = i + 1;
  }
  return found;
}

/** Visible text (between tags) and accessible-name attributes written as literals. */
export function literals(template: string): string[] {
  const out: string[] = [];
  for (const match of template.matchAll(/\b(aria-label|aria-description|aria-roledescription|title|alt|placeholder)="([^"\u241F]*)"/g)) {
    if (/\p{L}/u.test(match[2])) out.push(`${match[1]}="${match[2]}"`);
  }
  const text = template.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ');
  for (const piece of text.split('\u241F')) if (/\p{L}/u.test(piece)) out.push(piece.trim());
  return out;
}

describe('user-visible text', () => {
  it('the scanner finds literals in text and in accessible names, and ignores expressions and tags', () => {
    const [template] = templates('html`<button part="x" aria-label=${t.a}>${t.b}</button><p title="Hello">Hi ${html`<b>${x}</b>`}</p>`');
    expect(literals(template)).toEqual(['title="Hello"', 'Hi']);
  });

  it('no element template contains a user-visible literal: every string comes from the strings tables', () => {
    const offenders = sourceFiles(join(root, 'components')).flatMap((file) =>
      templates(readFileSync(file, 'utf8')).flatMap((template) => literals(template).map((literal) => `${relative(root, file)}: ${literal}`)),
    );
    expect(offenders).toEqual([]);
  });
});
