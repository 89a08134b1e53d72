// Shrinks the static text of Lit's css`` and html`` templates in the built elements: indentation and
// line breaks cost bytes on every page and mean nothing to the browser. Only whitespace goes:
// runs of it become one space (HTML and CSS treat them alike; the kit has no <pre>), and CSS loses
// the spaces around its punctuation. Expressions (${…}) are left exactly as they are.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Splits each tagged template into static strings and expressions, and rewrites the strings. */
export function minifyTemplates(source) {
  let out = '';
  let index = 0;
  // tsc writes `css `…`` with a space after the tag.
  const tag = /\b(css|html) ?`/g;
  let match;
  while ((match = tag.exec(source))) {
    const kind = match[1];
    let i = match.index + match[0].length;
    out += source.slice(index, i);
    let text = '';
    const flush = () => {
      out += kind === 'css' ? minifyCss(text) : minifyHtml(text);
      text = '';
    };
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source.startsWith('${', i)) {
        flush();
        const end = expressionEnd(source, i + 2);
        // Nested templates inside the expression are minified too.
        out += '${' + minifyTemplates(source.slice(i + 2, end)) + '}';
        i = end + 1;
      } else text += source[i++];
    }
    flush();
    out += '`';
    index = i + 1;
    tag.lastIndex = index;
  }
  return out + source.slice(index);
}

/** The index of the `}` that closes an expression starting at `start`, skipping strings and templates. */
function expressionEnd(source, start) {
  let depth = 1;
  let i = start;
  while (i < source.length) {
    const char = source[i];
    if (char === '"' || char === "'") {
      i = stringEnd(source, i);
    } else if (char === '`') {
      i = templateEnd(source, i);
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
    i++;
  }
  throw new Error('unterminated template expression');
}

function stringEnd(source, start) {
  const quote = source[start];
  let i = start + 1;
  while (source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
  return i;
}

function templateEnd(source, start) {
  let i = start + 1;
  while (source[i] !== '`') {
    if (source[i] === '\\') i += 2;
    else if (source.startsWith('${', i)) i = expressionEnd(source, i + 2) + 1;
    else i++;
  }
  return i;
}

const minifyHtml = (text) => text.replace(/\s+/g, ' ');

const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.js')) yield path;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = new URL('../dist/components/', import.meta.url).pathname;
  for (const file of files(dist)) {
    const source = readFileSync(file, 'utf8');
    if (!/\b(css|html) ?`/.test(source)) continue;
    writeFileSync(file, minifyTemplates(source));
  }
}
