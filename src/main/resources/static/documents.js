'use strict';
// The "Documents" view: the graph's documents (machine-written ones marked), add a text, see its sentences
// with the mentions in their kind's colour, and accept or reject the proposed facts. Reading a document and
// accepting a fact (which loads the seed) each take one request: while it runs the view shows that it is
// working and for how long, then what came of it, with counts. Everything from the API is put in the page
// as text, never parsed as HTML.
(() => {
  const node = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'style') Object.assign(e.style, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c != null && c !== false) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  };
  // The explorer's colours when it has loaded them (app.js), a neutral grey otherwise.
  const colour = kind => (typeof kindOf === 'function' ? kindOf(kind).color : '#A5ABB6');

  async function call(path, options = {}) {
    const token = sessionStorage.getItem('landscape.adminToken') || '';
    const response = await fetch(path, {
      ...options,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
    return body;
  }

  let dialog;

  function open() {
    if (!dialog) build();
    listDocuments();
    dialog.showModal();
  }

  const T = (zh, en) => (window.landscape ? window.landscape.T(zh, en) : en);

  /** The documents the graph holds, a machine-written one marked with the document it was written from. */
  async function listDocuments() {
    const target = document.getElementById('doc-list');
    try {
      const list = await window.landscape.api('/api/documents');
      const title = id => list.find(d => d.id === id)?.title || id;
      target.replaceChildren(node('summary', {}, T(`图谱中的文档（${list.length}）`, `Documents in the graph (${list.length})`)),
        node('ul', {}, list.map(d => node('li', { 'data-id': d.id },
          d.title, node('span', { class: 'muted' }, ` ${[d.publisher, d.date, `${d.mentions} mentions`].filter(Boolean).join(' · ')} `),
          d.derivedFrom ? node('span', { class: 'badge derived', title: T('由机器据原文写成，宜引用原文', 'machine-written from the original: prefer the original') },
            T(`派生自《${title(d.derivedFrom)}》`, `derived from “${title(d.derivedFrom)}”`)) : null,
          d.derivedSections?.length ? node('span', { class: 'badge derived', title: T('文中机器生成的部分', 'machine-written parts of the text') },
            T(`含机器摘要：${d.derivedSections.join('、')}`, `machine-written part: ${d.derivedSections.join(', ')}`)) : null))));
    } catch (error) {
      target.replaceChildren(node('summary', {}, error.message));
    }
  }

  /**
   * Shows that one request is at work, with the seconds it has taken, until {@code work} settles; answers
   * what it answered and the seconds it took.
   */
  async function working(what, work) {
    const progress = document.getElementById('doc-progress');
    const elapsed = document.getElementById('doc-elapsed');
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    progress.hidden = false;
    elapsed.textContent = `${what} 0.0 s`;
    const tick = setInterval(() => { elapsed.textContent = `${what} ${seconds()} s`; }, 100);
    try {
      return { answer: await work(), seconds: seconds() };
    } finally {
      clearInterval(tick);
      progress.hidden = true;
    }
  }

  function build() {
    const field = (label, input) => node('label', {}, label, input);
    const token = node('input', { id: 'doc-token', type: 'password', autocomplete: 'off',
      value: sessionStorage.getItem('landscape.adminToken') || '' });
    token.addEventListener('change', () => sessionStorage.setItem('landscape.adminToken', token.value));
    const file = node('input', { id: 'doc-file', type: 'file', accept: '.txt,.md,.html,.htm,text/*' });
    file.addEventListener('change', () => {
      const chosen = file.files[0];
      if (!chosen) return;
      const reader = new FileReader();
      reader.onload = () => { document.getElementById('doc-text').value = reader.result; };
      reader.readAsText(chosen, 'UTF-8');
    });
    const form = node('form', { id: 'doc-form', method: 'dialog' },
      field('admin token', token),
      field('title', node('input', { id: 'doc-title', required: true })),
      field('publisher', node('input', { id: 'doc-publisher', required: true })),
      field('date', node('input', { id: 'doc-date', placeholder: '2025-01 or 2025-01-20', required: true })),
      field('url', node('input', { id: 'doc-url', type: 'url' })),
      field('text (paste, or choose a file)', file),
      node('textarea', { id: 'doc-text', rows: 8 }),
      node('button', { id: 'doc-add', type: 'submit', value: 'add' }, 'Add document'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      sessionStorage.setItem('landscape.adminToken', token.value);
      add();
    });
    dialog = node('dialog', { id: 'documents', 'aria-label': 'Documents' },
      node('button', { class: 'close', type: 'button', onclick: () => dialog.close() }, '×'),
      node('h2', {}, 'Documents'),
      node('details', { id: 'doc-list' }),
      form,
      node('div', { id: 'doc-progress', hidden: true }, node('progress', {}), ' ', node('span', { id: 'doc-elapsed' })),
      node('p', { id: 'doc-status', role: 'status', 'aria-live': 'polite' }),
      node('section', { id: 'doc-result' }));
    document.body.append(dialog);
  }

  function say(text, isError = false) {
    const s = document.getElementById('doc-status');
    s.textContent = text;
    s.classList.toggle('error', isError);
  }

  async function add() {
    const value = id => document.getElementById(id).value.trim();
    const body = { title: value('doc-title'), publisher: value('doc-publisher'), date: value('doc-date'),
      text: document.getElementById('doc-text').value };
    if (value('doc-url')) body.url = value('doc-url');
    const button = document.getElementById('doc-add');
    button.disabled = true;
    say('reading…');
    try {
      const { answer, seconds } = await working('reading the text, finding mentions and proposals, loading the seed…',
        () => call('/api/documents', { method: 'POST', body: JSON.stringify(body) }));
      show(answer);
      say(`added ${answer.document.id}: ${answer.sentences.length} sentences, ${answer.mentions.length} mentions, `
        + `${answer.candidates?.length ?? 0} candidates, ${answer.proposals.length} proposals, in ${seconds} s`);
      listDocuments();
    } catch (error) {
      say(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  /** What a seed load did, from its report. */
  function loadText(load) {
    if (!load) return '';
    if (load.skipped) return 'seed unchanged';
    const n = load.nodes;
    const r = load.relationships;
    return `seed loaded in ${(load.millis / 1000).toFixed(1)} s: nodes ${n.created} created, ${n.updated} updated, `
      + `${n.removed} removed; relationships ${r.created} created, ${r.updated} updated, ${r.removed} removed`;
  }

  function sentenceView(sentence, mentions) {
    const parts = [];
    let at = sentence.start;
    for (const m of mentions.filter(x => x.sentence === sentence.index && x.start >= at).sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue;
      parts.push(sentence.text.slice(at - sentence.start, m.start - sentence.start));
      parts.push(node('mark', {
        class: m.ambiguous ? 'mention ambiguous' : 'mention', 'data-ref': m.ref || '',
        title: m.ambiguous ? `ambiguous: ${m.candidates.join(', ')}` : m.ref,
        style: { background: m.ambiguous ? 'transparent' : colour(m.kind) },
      }, sentence.text.slice(m.start - sentence.start, m.end - sentence.start)));
      at = m.end;
    }
    parts.push(sentence.text.slice(at - sentence.start));
    return node('li', { 'data-index': sentence.index }, parts);
  }

  const endText = end => end.ref ? `${end.name} (${end.ref})` : `${end.name} (new ${end.kind})`;

  function proposalView(p) {
    const state = node('span', { class: 'proposal-status' }, p.status);
    const decide = async verb => {
      item.querySelectorAll('button').forEach(b => { b.disabled = true; });
      state.textContent = verb === 'accept' ? 'accepting…' : 'rejecting…';
      try {
        const { answer, seconds } = await working(verb === 'accept' ? 'accepting: writing the fact and loading the seed…' : 'rejecting…',
          () => call(`/api/proposals/${encodeURIComponent(p.id)}/${verb}`, { method: 'POST' }));
        state.textContent = verb === 'accept' ? 'accepted' : 'rejected';
        say(`${p.id} ${state.textContent} in ${seconds} s${answer.load ? `; ${loadText(answer.load)}` : ''}`);
        if (verb === 'accept' && p.from.ref) {
          dialog.close();
          location.hash = p.from.ref;
        }
      } catch (error) {
        state.textContent = p.status;
        item.querySelectorAll('button').forEach(b => { b.disabled = false; });
        say(error.message, true);
      }
    };
    const pending = p.status === 'pending';
    const item = node('li', { class: 'proposal', 'data-id': p.id },
      node('div', {}, node('strong', {}, p.type), ' ', endText(p.from), ' → ', endText(p.to),
        p.existing ? node('span', { class: 'muted' }, ' (known fact: adds evidence)') : null,
        p.date ? node('span', { class: 'muted' }, ` ${p.date}`) : null),
      node('blockquote', {}, p.quote),
      node('div', { class: 'muted' }, `${p.rule} · ${p.confidence} · `, state),
      node('button', { type: 'button', class: 'accept', disabled: !pending, onclick: () => decide('accept') }, 'accept'),
      node('button', { type: 'button', class: 'reject', disabled: !pending, onclick: () => decide('reject') }, 'reject'));
    return item;
  }

  function show(answer) {
    const d = answer.document;
    document.getElementById('doc-result').replaceChildren(
      node('h3', { id: 'doc-heading' }, d.title, node('span', { class: 'muted' }, ` ${d.id} · ${d.publisher} · ${d.date}`)),
      node('h4', {}, `Proposals (${answer.proposals.length})`),
      node('ol', { id: 'doc-proposals' }, answer.proposals.map(proposalView)),
      node('h4', {}, `Sentences (${answer.sentences.length}), mentions (${answer.mentions.length})`),
      node('ol', { id: 'doc-sentences' }, answer.sentences.map(s => sentenceView(s, answer.mentions))));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const links = document.querySelector('nav.links');
    if (links) {
      links.prepend(node('a', { id: 'open-documents', href: '#', title: 'Add a document and review what it says',
        onclick: event => { event.preventDefault(); open(); } }, 'Documents'));
    }
  });
  window.landscapeDocuments = { open, show };
})();
