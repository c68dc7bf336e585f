// The demo page: fetches the five seed reports from ../seeds/ (same origin),
// shows each as an article with its outlet and date, then runs the widget.
//
// Why the outlet rules below: the seeds are plain text without metadata, so a
// readable name is taken from what the text itself says, in this order: a
// "By <First> <Last> <Outlet>" byline, a "here on <Outlet>!" sign-off, an
// "<Outlet> has reached out" line, a short first line (a byline naming only the
// author), else the file name. A leading " date YYYY-MM-DD" dateline becomes the
// article's date (data-date) instead of body text. With ?plain in the address
// the page shows the reports without running the widget.
import { annotate } from './factmark.min.js';

const SEEDS = [
  '000_14d176dfef3a04cd.txt',
  '001_88e0a2ea59da5d1a.txt',
  '002_4aeaaa452c2d95e0.txt',
  '003_4f0efa71be90f1be.txt',
  '004_851e5d8336a20682.txt',
];

export function outletOf(text, file) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const name = '[A-Z][\\w.’\'-]*';
  const byline = new RegExp(`^By ${name} ${name} (${name}(?: ${name})*)$`).exec(lines[0] ?? '');
  if (byline) return byline[1];
  const signOff = /\bhere on ([A-Z][\w ]{1,30}?)!?\s*$/.exec(lines.at(-1) ?? '');
  if (signOff) return signOff[1];
  const reachedOut = /([A-Z]\w+(?: [A-Z]\w+){0,3}) has reached out\b/.exec(text);
  if (reachedOut) return reachedOut[1];
  if (lines[0] && lines[0].split(' ').length <= 4 && !/[.!?:,]/.test(lines[0])) return lines[0];
  return file.replace(/\.txt$/, '');
}

function articleFor(file, raw) {
  const dateline = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
  const text = dateline ? raw.slice(dateline[0].length) : raw;
  const outlet = outletOf(text, file);

  const article = document.createElement('article');
  article.className = 'report';
  article.id = `seed-${file.slice(0, 3)}`;
  article.dataset.name = outlet;
  if (dateline) article.dataset.date = dateline[1];

  // The header names the report for the reader; the widget skips it.
  const header = document.createElement('header');
  header.dataset.factmarkSkip = '';
  const title = document.createElement('h2');
  title.textContent = outlet;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `${dateline ? `Published ${dateline[1]} · ` : ''}seeds/${file}`;
  header.append(title, meta);
  article.append(header);

  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    article.append(paragraph);
  }
  return article;
}

async function main() {
  const status = document.getElementById('status');
  try {
    const texts = await Promise.all(
      SEEDS.map(async (file) => {
        const response = await fetch(new URL(`../seeds/${file}`, import.meta.url));
        if (!response.ok) throw new Error(`could not load seeds/${file}: HTTP ${response.status}`);
        return response.text();
      }),
    );
    const articles = SEEDS.map((file, i) => articleFor(file, texts[i]));
    document.getElementById('reports').append(...articles);

    if (new URLSearchParams(location.search).has('plain')) {
      status.textContent = 'Shown without the widget (remove ?plain from the address to run it).';
      window.factmarkDemo = { plain: true };
      return;
    }
    const started = performance.now();
    const handle = await annotate(articles);
    const annotateMs = performance.now() - started;
    window.factmarkDemo = { handle, annotateMs };
    const marked = new Set(handle.marks.map((mark) => mark.dataset.factmarkMark)).size;
    status.textContent =
      `Checked ${articles.length} reports in ${Math.round(annotateMs)} ms: ` +
      `${handle.groups.length} figures appear in more than one place, ${marked} mentions are marked. ` +
      'The summary is at the end.';
  } catch (error) {
    status.textContent = `The check failed: ${error.message}`;
    status.classList.add('error');
    window.factmarkDemo = { error: String(error) };
    throw error;
  }
}

main();
