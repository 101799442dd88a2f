// Checks generated Markdown release notes with a real CommonMark parser (npm `commonmark`).
//
// usage: node tests/e2e/notes_commonmark.mjs NOTES.md EXPECT.json      (NOTES.md may be - for stdin)
//
// EXPECT.json:
//   { "headings": [[1, "Title"], [2, "Highlights"], ...],        every heading, in order (level, text)
//     "items": { "Section title": ["first item text", ...], ... }, top-level list items under each
//                                                                   heading: their first paragraph's text
//     "absent": ["text that must not appear", ...] }              optional
// Always checked as well: no raw HTML reaches the AST (plan text is escaped), and every link goes to
// http, https or mailto. Text is compared as CommonMark renders it: markup dropped, line breaks as
// spaces. Exit code 0 when everything matches, 1 with a list of differences otherwise.
import fs from 'node:fs';
import { npm } from './browser.mjs';

function textOf(node) {
  let out = '';
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    const n = e.node;
    if (n.type === 'text' || n.type === 'code') out += n.literal;
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += ' ';
  }
  return out.trim();
}

function firstParagraphText(item) {
  for (let c = item.firstChild; c; c = c.next) if (c.type === 'paragraph') return textOf(c);
  return '';
}

function main(argv) {
  if (argv.length !== 2) {
    console.error('usage: node notes_commonmark.mjs NOTES.md EXPECT.json');
    return 2;
  }
  const markdown = fs.readFileSync(argv[0] === '-' ? 0 : argv[0], 'utf8');
  const expect = JSON.parse(fs.readFileSync(argv[1], 'utf8'));
  const { Parser } = npm('commonmark');
  const doc = new Parser().parse(markdown);

  const problems = [];
  const headings = [];
  const items = {};
  let section = null;
  for (let block = doc.firstChild; block; block = block.next) {
    if (block.type === 'heading') {
      const text = textOf(block);
      headings.push([block.level, text]);
      section = text;
    } else if (block.type === 'list' && section !== null) {
      items[section] = items[section] || [];
      for (let item = block.firstChild; item; item = item.next) items[section].push(firstParagraphText(item));
    }
  }

  const walker = doc.walker();
  let allText = '';
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    const n = e.node;
    if (n.type === 'html_block' || n.type === 'html_inline') problems.push(`raw HTML in the AST: ${JSON.stringify(n.literal)}`);
    if (n.type === 'link' || n.type === 'image') {
      if (!/^(https?:\/\/|mailto:)/i.test(n.destination)) problems.push(`${n.type} to a disallowed target: ${JSON.stringify(n.destination)}`);
    }
    if (n.type === 'text' || n.type === 'code' || n.type === 'code_block') allText += n.literal + '\n';
  }

  if (expect.headings) {
    const want = JSON.stringify(expect.headings);
    const got = JSON.stringify(headings);
    if (want !== got) problems.push(`headings differ\n  want ${want}\n  got  ${got}`);
  }
  for (const [name, wantItems] of Object.entries(expect.items || {})) {
    const gotItems = items[name];
    if (!gotItems) {
      problems.push(`no list under heading ${JSON.stringify(name)}`);
      continue;
    }
    if (JSON.stringify(gotItems) !== JSON.stringify(wantItems)) {
      problems.push(`items under ${JSON.stringify(name)} differ\n  want ${JSON.stringify(wantItems)}\n  got  ${JSON.stringify(gotItems)}`);
    }
  }
  for (const text of expect.absent || []) {
    if (allText.includes(text)) problems.push(`text that must be absent is present: ${JSON.stringify(text)}`);
  }

  if (problems.length) {
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(`notes commonmark: ${problems.length} problem(s) in ${argv[0]}`);
    return 1;
  }
  console.log(`notes commonmark: ok (${headings.length} headings, ${Object.values(items).reduce((n, l) => n + l.length, 0)} items) in ${argv[0]}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
