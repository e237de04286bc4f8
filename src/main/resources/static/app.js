'use strict';
// The page's shell and its graph view. The shell: shared helpers (el, api, nameOf, browserLink), the
// 中文/English switch, and the views (tabs) that overview.js, timeline.js, regions.js and any later
// script register with landscape.addView. The graph view: search as you type (/api/search), draw the
// chosen entity's neighbourhood (/api/graph) with vis-network, expand nodes on click, and read each
// fact's evidence in the side panel (/api/entities). Colours come from the same .grass style that
// Neo4j Browser uses, so both agree.

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const GRAPH_LIMIT = 150;
const LABEL_MAX = 14;

const nodes = new vis.DataSet();
const edges = new vis.DataSet();
const expanded = new Set();
const hiddenKinds = new Set();
const kinds = new Map(); // kind key (model) -> {label, color, border}
const documents = new Map(); // document id -> {title, publisher, date, url}
let network;
let focusRef = null;
let selectedRef = null;
let panelToken = 0;
let grassText = '';

const $ = selector => document.querySelector(selector);
const enc = encodeURIComponent;

// ---- Language: names in Chinese or English. The browser's languages (what it sends as Accept-Language)
// choose the default; the switch in the header overrides it and is remembered. ----

let lang = localStorage.getItem('landscape.lang')
  || ((navigator.languages || [navigator.language]).find(l => /^(zh|en)/i.test(l)) || 'zh').slice(0, 2).toLowerCase();

/** The entity's name in the chosen language, falling back on the other. */
function nameOf(x) {
  if (!x) return '';
  return (lang === 'en' ? x.nameEn || x.name : x.name || x.nameEn) || x.id || '';
}

/** A label of the page in the chosen language. */
function T(zh, en) {
  return lang === 'en' ? en : zh;
}

function setLang(value) {
  lang = value;
  localStorage.setItem('landscape.lang', value);
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
  $('#lang').textContent = value === 'en' ? '中文' : 'EN';
  renderTabs();
  route(true);
}

// ---- Views: tabs over the page. A view is {id, zh, en, order, show(container, refresh)}; show is called
// each time the view is opened (refresh: the language changed, redraw what is there); tabs go by order. ----

const views = new Map();

function addView(view) {
  let container = document.getElementById(`view-${view.id}`);
  if (!container) {
    container = el('section', { id: `view-${view.id}`, class: 'view', 'data-view': view.id, hidden: true });
    $('#main').append(container);
  }
  views.set(view.id, { ...view, container });
  renderTabs();
  if (started && currentView() === view.id) route();
}

function renderTabs() {
  $('#views').replaceChildren(...[...views.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100)).map(v => el('a', {
    href: `#${v.id}`, class: 'tab', 'data-view': v.id, 'aria-current': v.id === shownView ? 'page' : null,
  }, T(v.zh, v.en))));
}

let started = false;
let shownView = null;

/** The view the address asks for: #overview, #timeline, …; an entity (#model:spark) is the graph view. */
function currentView() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (!hash) return 'overview';
  const name = hash.split('?')[0];
  if (views.has(name)) return name;
  return 'graph';
}

function route(refresh = false) {
  const id = currentView();
  const view = views.get(id) || views.get('graph');
  for (const v of views.values()) v.container.hidden = v !== view;
  shownView = view.id;
  document.querySelectorAll('#views .tab').forEach(t => t.toggleAttribute('aria-current', t.dataset.view === shownView));
  view.show(view.container, refresh);
}

// ---- One click to Cypher: Neo4j Browser with the equivalent query in its editor ----

/** A Cypher string literal. */
function lit(value) {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The node pattern of a reference: model:spark -> (n:Model {id: 'spark'}). */
function nodePattern(ref, variable = 'n') {
  const i = ref.indexOf(':');
  return `(${variable}:${kindOf(ref.slice(0, i)).label} {id: ${lit(ref.slice(i + 1))}})`;
}

/** The neighbourhood the graph view draws, as Cypher. */
function entityCypher(ref) {
  return `MATCH ${nodePattern(ref)}\nOPTIONAL MATCH p = (n)-[r]-() WHERE type(r) <> 'MENTIONS'\nRETURN n, p LIMIT ${GRAPH_LIMIT}`;
}

/**
 * Browser keeps its graph style in localStorage ("neo4j.grass", parsed the way its :style command parses
 * a .grass file). Same origin as this page, so writing it there applies the landscape style before
 * Browser starts; the :style command of the guide does the same from inside Browser.
 */
function applyBrowserStyle() {
  if (grassText) localStorage.setItem('neo4j.grass', JSON.stringify(parseGrass(grassText)));
}

/** Browser's own .grass parser (quotes dropped, braces inside them kept), so that both read a file alike. */
function parseGrass(text) {
  const blocks = {};
  let quoted = false;
  let inBody = false;
  let nested = false;
  let selector = '';
  let body = '';
  for (const c of text) {
    let keep = false;
    if (c === '{') {
      if (quoted) keep = true;
      else if (inBody) nested = true;
      else inBody = true;
    } else if (c === '}') {
      if (quoted) keep = true;
      else if (nested) nested = false;
      else {
        inBody = false;
        blocks[selector] = body;
        selector = '';
        body = '';
      }
    } else if (c === "'" || c === '"') {
      quoted = !quoted;
    } else {
      keep = true;
    }
    if (keep) {
      if (inBody) body += c;
      else if (!/\s/.test(c)) selector += c;
    }
  }
  const style = {};
  for (const [key, declarations] of Object.entries(blocks)) {
    style[key] = {};
    for (const declaration of declarations.split(';')) {
      const parts = declaration.split(':');
      if (parts.length === 2) style[key][parts[0].trim()] = parts[1].trim();
    }
  }
  return style;
}

/** "Open in Neo4j Browser": Browser connected to this graph, the query in its editor, the style applied. */
function browserLink(cypher, title = T('在 Neo4j Browser 中打开', 'Open in Neo4j Browser')) {
  return el('a', {
    class: 'browser-link', href: `/browser/?cmd=edit&arg=${enc(cypher)}`, target: '_blank', rel: 'noopener',
    title: cypher, onclick: applyBrowserStyle,
  }, title);
}

/** Builds an element; strings become text nodes, so nothing from the API is ever parsed as HTML. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'style') Object.entries(v).forEach(([p, value]) => e.style.setProperty(p.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`), value));
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c != null && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

async function api(path, options) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (ignored) {
      // not problem+json: keep the status line
    }
    throw new Error(detail);
  }
  return response.json();
}

/**
 * A region filter for any number of regions: typing asks /api/search for regions by name or alias, a pick
 * calls onPick(region) with {id, ref, name, nameEn}, emptying the box calls onPick(null). {@code chosen}
 * is the region picked before, shown in the box.
 */
function regionPicker(id, chosen, onPick) {
  const input = el('input', {
    id, type: 'search', class: 'picker', autocomplete: 'off', spellcheck: 'false', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-options`,
    placeholder: T('全部（输入地区名）', 'all (type a region)'), value: chosen ? nameOf(chosen) : '',
  });
  const list = el('ul', { id: `${id}-options`, class: 'picker-options', role: 'listbox', hidden: true });
  let timer = null;
  let controller = null;
  const { open, close } = listbox(input, list, input, () => {
    if (!input.value.trim() && chosen) pick(null);
  });
  const pick = region => {
    close();
    chosen = region;
    input.value = region ? nameOf(region) : '';
    onPick(region);
  };
  async function run() {
    const q = input.value.trim();
    controller?.abort();
    if (!q) {
      close();
      if (chosen) pick(null);
      return;
    }
    controller = new AbortController();
    try {
      const r = await api(`/api/search?q=${enc(q)}&kind=region&limit=12`, { signal: controller.signal });
      list.replaceChildren(...(r.results.length ? r.results.map(hit => el('li', {
        role: 'option', 'data-id': hit.id,
        onmousedown: event => {
          event.preventDefault();
          pick(hit);
        },
      }, nameOf(hit), hit.nameEn && lang !== 'en' ? el('span', { class: 'muted' }, ` ${hit.nameEn}`) : null))
        : [el('li', { class: 'empty' }, T(`没有名为“${q}”的地区`, `No region matches “${q}”`))]));
      open();
    } catch (error) {
      if (error.name !== 'AbortError') list.replaceChildren(el('li', { class: 'empty' }, error.message));
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  // An emptied box clears the filter; a half-typed name that was never picked is not a filter, and the
  // box shows the one in force again
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    controller?.abort();
    close();
    if (!input.value.trim()) {
      if (chosen) pick(null);
    } else {
      input.value = chosen ? nameOf(chosen) : '';
    }
  });
  return el('span', { class: 'picker-box' }, input, list);
}

/**
 * The keys of a list of options under a text box (the ARIA combobox pattern): arrows move the highlight,
 * Escape closes, Enter takes the highlighted option (the first when none is) by its mousedown handler, or
 * calls onEnterWithout when there is none. {@code expanded} is the element that carries aria-expanded.
 */
function listbox(input, list, expanded, onEnterWithout = () => {}) {
  let active = -1;
  const items = () => [...list.querySelectorAll('li[role="option"]')];
  const highlight = index => {
    const all = items();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    all[active]?.scrollIntoView({ block: 'nearest' });
  };
  const close = () => {
    list.hidden = true;
    expanded.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const open = () => {
    list.hidden = false;
    expanded.setAttribute('aria-expanded', 'true');
    highlight(0);
  };
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Enter') {
      const item = items()[Math.max(active, 0)];
      if (item) item.dispatchEvent(new MouseEvent('mousedown'));
      else onEnterWithout();
    } else return;
    event.preventDefault();
  });
  return { open, close };
}

function status(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

function graphStatus(truncated) {
  const shown = nodes.get({ filter: n => !n.hidden }).length;
  let text = `${shown} nodes · ${edges.length} relationships`;
  if (truncated) text += ` · limited to ${GRAPH_LIMIT} nodes: click nodes to expand them`;
  status(text);
}

// ---- Kinds: colour and name, read from the .grass style ----

async function loadKinds() {
  const grass = await (await fetch('/guide/landscape.grass')).text();
  grassText = grass;
  for (const [, label, body] of grass.matchAll(/^node\.(\w+)\s*\{([^]*?)^\}/gm)) {
    if (label === 'Entity') continue;
    const prop = name => (body.match(new RegExp(`(?:^|\\s)${name}:\\s*([^;]+);`)) || [])[1]?.trim();
    kinds.set(label.toLowerCase(), { label, color: prop('color'), border: prop('border-color') });
  }
  const select = $('#search-kind');
  for (const [key, kind] of kinds) select.append(el('option', { value: key }, kind.label));
}

function kindOf(key) {
  return kinds.get(key) || { label: key || '?', color: '#A5ABB6', border: '#9AA1AC' };
}

function kindBadge(key) {
  return el('span', { class: 'kind', style: { background: kindOf(key).color } }, kindOf(key).label);
}

function renderLegend() {
  const legend = $('#legend');
  legend.replaceChildren();
  const counts = new Map();
  nodes.forEach(n => counts.set(n.kind, (counts.get(n.kind) || 0) + 1));
  for (const [key, kind] of kinds) {
    const count = counts.get(key) || 0;
    legend.append(el('span', {
      class: `entry${hiddenKinds.has(key) ? ' off' : ''}`,
      title: hiddenKinds.has(key) ? `Show ${kind.label}` : `Hide ${kind.label}`,
      'data-kind': key,
      onclick: () => toggleKind(key),
    }, el('span', { class: 'dot', style: { background: kind.color } }), kind.label,
    count ? el('span', { class: 'count' }, count) : null));
  }
}

function toggleKind(key) {
  if (hiddenKinds.has(key)) hiddenKinds.delete(key);
  else hiddenKinds.add(key);
  nodes.update(nodes.get({ filter: n => n.kind === key }).map(n => ({ id: n.id, hidden: hiddenKinds.has(key) })));
  renderLegend();
  graphStatus(false);
}

// ---- The graph ----

function visNode(n) {
  const kind = kindOf(n.kind);
  const name = nameOf(n);
  return {
    id: n.id,
    kind: n.kind,
    label: name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name,
    title: [name, n.nameEn, `${kind.label} · ${n.id}`].filter(Boolean).join('\n'),
    color: {
      background: kind.color,
      border: kind.border,
      highlight: { background: kind.color, border: '#1f2430' },
      hover: { background: kind.color, border: '#1f2430' },
    },
    hidden: hiddenKinds.has(n.kind),
  };
}

function edgeId(e) {
  return `${e.source}|${e.type}|${e.target}`;
}

/** Merges nodes and edges into the drawing; new nodes start next to {@code near} so they fan out from it. */
function addToGraph(newNodes, newEdges, near) {
  const origin = near && network.getPositions([near])[near];
  const fresh = newNodes.filter(n => !nodes.get(n.id)).map(n => {
    const v = visNode(n);
    if (origin) {
      v.x = origin.x + (Math.random() - 0.5) * 80;
      v.y = origin.y + (Math.random() - 0.5) * 80;
    }
    return v;
  });
  nodes.add(fresh);
  edges.update(newEdges.filter(e => nodes.get(e.source) && nodes.get(e.target)).map(e => ({
    id: edgeId(e),
    from: e.source,
    to: e.target,
    type: e.type,
    label: e.type,
    title: e.title || e.type,
    dashes: Boolean(e.dashes),
  })));
  renderLegend();
  $('#hint').hidden = nodes.length > 0;
  return fresh.length;
}

function markFocus(ref) {
  const previous = focusRef && nodes.get(focusRef);
  if (previous) nodes.update({ id: focusRef, size: 16, borderWidth: 2 });
  focusRef = ref;
  if (nodes.get(ref)) nodes.update({ id: ref, size: 26, borderWidth: 4 });
}

/** Fits the drawing once the layout settles, after a new focus or a batch of nodes from a button. */
function fitWhenSettled() {
  network.once('stabilized', () => network.fit({ animation: { duration: 300 } }));
}

/** Draws the neighbourhood of {@code ref} afresh and selects it. */
async function focus(ref) {
  const depth = $('#depth').value;
  status('loading…');
  try {
    const g = await api(`/api/graph?focus=${enc(ref)}&depth=${depth}&limit=${GRAPH_LIMIT}`);
    nodes.clear();
    edges.clear();
    expanded.clear();
    const focusId = g.focus?.id || ref;
    expanded.add(focusId);
    addToGraph(g.nodes, g.edges);
    markFocus(focusId);
    performance.mark('graph-drawn'); // when the neighbourhood is on screen: the page test times it
    network.selectNodes([focusId]);
    fitWhenSettled();
    graphStatus(g.truncated);
    showEntity(focusId);
  } catch (error) {
    status(error.message, true);
  }
}

/** Adds the one-step neighbourhood of a node that is already drawn. */
async function expand(ref) {
  if (expanded.has(ref)) return;
  expanded.add(ref);
  try {
    const g = await api(`/api/graph?focus=${enc(ref)}&depth=1&limit=${GRAPH_LIMIT}`);
    addToGraph(g.nodes, g.edges, ref);
    graphStatus(g.truncated);
  } catch (error) {
    expanded.delete(ref);
    status(error.message, true);
  }
}

/** Brings an entity named in the panel onto the graph, next to the selected one, and selects it. */
async function reveal(ref) {
  const from = selectedRef;
  if (!nodes.get(ref)) {
    await expand(ref);
  }
  network.selectNodes(nodes.get(ref) ? [ref] : []);
  if (nodes.get(ref)) network.focus(ref, { scale: network.getScale(), animation: { duration: 300 } });
  showEntity(ref, from);
  expand(ref);
}

function navigate(ref) {
  if (decodeURIComponent(location.hash.slice(1)) === ref) focus(ref);
  else location.hash = ref;
}

function initNetwork() {
  const options = {
    autoResize: true,
    layout: { improvedLayout: false },
    physics: {
      solver: 'forceAtlas2Based',
      forceAtlas2Based: { gravitationalConstant: -70, springLength: 120, springConstant: 0.05, avoidOverlap: 0.3 },
      stabilization: { iterations: 150, updateInterval: 25 },
      maxVelocity: 40,
      minVelocity: 1,
    },
    interaction: { hover: true, tooltipDelay: 200, multiselect: false },
    nodes: {
      shape: 'dot',
      size: 16,
      borderWidth: 2,
      font: { face: FONT, size: 14, color: '#1f2430', strokeWidth: 4, strokeColor: '#ffffff' },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: '#c3c8d2', highlight: '#2f6fdd', hover: '#7d8799' },
      font: { face: FONT, size: 9, color: '#8a93a6', strokeWidth: 3, strokeColor: '#ffffff', align: 'middle' },
      smooth: { type: 'continuous' },
      width: 1,
    },
  };
  network = new vis.Network($('#graph'), { nodes, edges }, options);
  network.on('click', params => {
    if (params.nodes.length) {
      const ref = params.nodes[0];
      showEntity(ref, selectedRef);
      expand(ref);
    } else if (params.edges.length) {
      showRelationship(edges.get(params.edges[0]));
    }
  });
  network.on('doubleClick', params => {
    if (params.nodes.length) navigate(params.nodes[0]);
  });
  // The console and the browser tests reach the drawing through this.
  window.explorer = { network, nodes, edges };
}

// ---- Search as you type ----

function initSearch() {
  const input = $('#search');
  const list = $('#results');
  const box = input.closest('.search');
  let controller = null;
  let timer = null;
  const { open, close } = listbox(input, list, box);
  const pick = ref => {
    close();
    input.blur();
    navigate(ref);
  };

  async function run() {
    const q = input.value.trim();
    controller?.abort();
    if (!q) {
      close();
      return;
    }
    controller = new AbortController();
    const kind = $('#search-kind').value;
    try {
      const r = await api(`/api/search?q=${enc(q)}&limit=12${kind ? `&kind=${enc(kind)}` : ''}`,
        { signal: controller.signal });
      list.replaceChildren(...(r.results.length ? r.results.map(hit => el('li', {
        role: 'option',
        class: 'result',
        'data-ref': hit.ref,
        // mousedown, not click: it fires before the input's blur closes the list
        onmousedown: event => {
          event.preventDefault();
          pick(hit.ref);
        },
      }, kindBadge(hit.kind), el('span', { class: 'name' }, hit.name),
      hit.nameEn && hit.nameEn !== hit.name ? el('span', { class: 'en' }, hit.nameEn) : null))
        : [el('li', { class: 'empty' }, `No match for “${q}”`)]));
      open();
    } catch (error) {
      if (error.name !== 'AbortError') status(error.message, true);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length) list.hidden = false;
  });
  input.addEventListener('blur', close);
  $('#search-kind').addEventListener('change', run);
}

// ---- The side panel ----

function documentLabel(id) {
  const d = documents.get(id);
  if (!d) return id;
  return [d.title, d.publisher, d.date].filter(Boolean).join(' · ');
}

/** A document's title, shortened for a badge. */
function documentTitle(id) {
  const title = documents.get(id)?.title || id;
  return title.length > 24 ? `${title.slice(0, 23)}…` : title;
}

/** "derived from …": the document machine-written text was written from (the document itself for a part of it). */
function derivedLabel(ev) {
  return ev.derivedFrom === ev.documentId ? T('派生 · 本文的机器摘要', 'derived · machine-written part of this document')
    : T(`派生自《${documentTitle(ev.derivedFrom)}》`, `derived from “${documentTitle(ev.derivedFrom)}”`);
}

/** What the badge's hover says about derived text. */
function derivedTitle(ev) {
  return ev.derivedFrom === ev.documentId
    ? T('此句出自文档中机器生成的部分（非原文），宜引用正文', 'This sentence is from a machine-written part of the document, not its body: prefer the body')
    : T(`此文档由机器据《${documents.get(ev.derivedFrom)?.title || ev.derivedFrom}》写成，宜引用原文`,
      `This document was machine-written from “${documents.get(ev.derivedFrom)?.title || ev.derivedFrom}”: prefer the original`);
}

function curatedLabel() {
  return T('策展', 'curated');
}

/** The credit a dataset's licence asks for, shown wherever one of its facts is. */
function datasetCredit(id) {
  const d = documents.get(id);
  return [d?.attribution || id, d?.licence].filter(Boolean).join(' · ');
}

/**
 * The badges of one evidence entry: a dataset's row (its credit on hover), the curators' reading (their reason
 * on hover), machine-written text.
 */
function evidenceBadges(ev) {
  return [
    ev.row ? el('span', { class: 'badge dataset', title: datasetCredit(ev.documentId) }, T('数据', 'dataset')) : null,
    ev.curated ? el('span', { class: 'badge curated', title: `${T('策展人的判断：', 'The curators\u2019 reading: ')}${ev.curated}` },
      curatedLabel()) : null,
    ev.derivedFrom ? el('span', { class: 'badge derived', title: derivedTitle(ev) }, derivedLabel(ev)) : null,
  ];
}

/** One quote with its source and badges; {@code reason}: whether to spell out the curators' reason here. */
function evidenceItem(ev, reason = true) {
  const d = documents.get(ev.documentId);
  return el('div', { class: 'evidence' },
    ev.quote ? el('blockquote', {}, ev.quote) : null,
    ev.row ? rowCells(ev) : null,
    el('p', { class: 'source' }, ev.documentId ? ['— ', documentLabel(ev.documentId), d?.licence ? ` · ${d.licence}` : '',
      ev.section ? ` · §${ev.section}` : '',
      d?.url ? [' · ', el('a', { href: d.url, target: '_blank', rel: 'noopener' }, 'source')] : '', ' '] : null,
    evidenceBadges(ev)),
    ev.curated && reason ? el('p', { class: 'reason' }, T('策展理由：', 'Curators\u2019 reason: '), ev.curated) : null);
}

/** A dataset row's cells as the source holds them, and the value it gives where another one leads. */
function rowCells(ev) {
  return el('div', { class: 'row-cells' },
    el('dl', {}, Object.entries(ev.cells || {}).flatMap(([column, cell]) => [el('dt', {}, column), el('dd', {}, cell)])),
    ev.claim ? el('p', { class: 'claim' }, T('此来源的值：', 'This source gives: '), ev.claim) : null,
    el('p', { class: 'credit muted' }, T('行 ', 'row '), ev.row));
}

/** Quotes; a reason the curators gave for several of them (one reading resting on two sentences) is spelt out once. */
function evidenceList(list) {
  if (!list?.length) return null;
  const reasons = new Set();
  return el('div', { class: 'evidence-list' }, list.map(ev => {
    const first = Boolean(ev.curated) && !reasons.has(ev.curated);
    reasons.add(ev.curated);
    return evidenceItem(ev, first);
  }));
}

/** The hover of a fact the curators added without a sentence to rest on. */
function addedByCurators() {
  return T('策展人添加，非文档所述', 'Added by the curators, not read from a document');
}

function curatedTag(title) {
  return el('span', { class: 'badge curated', title }, curatedLabel());
}

function entityLink(other) {
  if (!other.ref) return el('span', {}, other.name || other.id);
  return el('button', { class: 'link', type: 'button', onclick: () => reveal(other.ref) }, other.name || other.id);
}

function formatValue(value) {
  if (Array.isArray(value)) return value.join('、');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function panel(...children) {
  $('#panel').replaceChildren(...children.flat(Infinity).filter(Boolean));
  $('#panel').scrollTop = 0;
}

/** Shows an entity; {@code from} is the node selected before, whose link to this one is shown first. */
async function showEntity(ref, from) {
  const token = ++panelToken;
  selectedRef = ref;
  panel(el('p', { class: 'muted' }, 'loading…'));
  let e;
  try {
    e = await api(`/api/entities/${enc(ref)}`);
  } catch (error) {
    if (token === panelToken) panel(el('p', { class: 'muted' }, `Could not load ${ref}: ${error.message}`));
    return;
  }
  if (token !== panelToken) return;

  const curated = new Set(e.curated || []);
  const extra = el('div', { id: 'extra' });
  const actions = el('div', { class: 'actions' },
    ref !== focusRef ? el('button', { type: 'button', onclick: () => navigate(ref), title: 'Redraw the graph around it' },
      'Centre the graph here') : null,
    e.kind === 'industry' ? el('button', { class: 'action', type: 'button', id: 'models-serving',
      onclick: () => modelsServing(e, extra) }, `Models serving ${e.name}`) : null,
    e.kind === 'model' ? el('button', { class: 'action', type: 'button', id: 'chip-dependencies',
      onclick: () => chipDependencies(e, extra) }, `Chip dependencies of ${e.name}`) : null,
    browserLink(entityCypher(e.ref)));

  const props = Object.entries(e.properties || {});
  // A curated property whose evidence gives the curators' reason shows it on that evidence; one without, here
  const propertyTable = props.length ? el('table', { class: 'props' }, props.map(([key, value]) => el('tr', { 'data-property': key },
    el('th', {}, key),
    el('td', {}, formatValue(value),
      curated.has(key) && !e.propertyEvidence?.[key]?.some(x => x.curated) ? curatedTag(addedByCurators()) : null,
      evidenceList(e.propertyEvidence?.[key]))))) : null;

  const relationships = e.relationships || [];
  const link = from && relationships.filter(r => r.other.ref === from);
  const groups = new Map();
  for (const r of relationships) {
    const key = `${r.direction === 'out' ? '→' : '←'} ${r.type}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }

  panel(
    el('div', {}, kindBadge(e.kind), ' ', el('span', { class: 'ref' }, e.ref)),
    el('h2', { id: 'entity-name' }, e.name),
    e.nameEn ? el('p', { class: 'en', lang: 'en' }, e.nameEn, curated.has('nameEn') ? curatedTag(T('英文名由策展人添加', 'English name added by the curators')) : null) : null,
    e.aliases?.length ? el('p', { class: 'muted' }, 'also: ', e.aliases.join(' / ')) : null,
    actions,
    extra,
    link?.length ? [el('h3', {}, `Link to ${nodes.get(from)?.title?.split('\n')[0] || from}`),
      el('ul', { class: 'plain', id: 'link-evidence' }, link.map(r => relationshipItem(r, true)))] : null,
    propertyTable ? [el('h3', {}, 'Properties'), propertyTable] : null,
    e.mentions?.length ? [el('h3', {}, T(`文档与数据中的出处（${e.mentions.length}）`, `Named in the documents and datasets (${e.mentions.length})`)),
      el('div', { id: 'mentions' }, e.mentions.map(evidenceItem))] : null,
    relationships.length ? [el('h3', {}, `Relationships (${relationships.length})`),
      [...groups].map(([key, list]) => el('div', {},
        el('p', { class: 'rel-type' }, key),
        el('ul', { class: 'plain' }, list.map(r => relationshipItem(r, false)))))] : null);
}

function relationshipItem(r, open) {
  const props = Object.entries(r.properties || {});
  const head = [kindBadge(r.other.kind), ' ', entityLink(r.other),
    r.other.nameEn ? el('span', { class: 'muted' }, ` ${r.other.nameEn}`) : null,
    props.length ? el('span', { class: 'muted' }, ` (${props.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')})`) : null,
    r.curated ? curatedTag(addedByCurators()) : null];
  if (!r.evidence?.length) return el('li', {}, head);
  return el('li', {}, el('details', { open },
    el('summary', {}, head, el('span', { class: 'muted' }, ` · ${r.evidence.length} quote${r.evidence.length > 1 ? 's' : ''}`)),
    evidenceList(r.evidence)));
}

/** A clicked edge: the relationship with its evidence, read from its start node. */
async function showRelationship(edge) {
  const token = ++panelToken;
  selectedRef = null;
  panel(el('p', { class: 'muted' }, 'loading…'));
  try {
    const e = await api(`/api/entities/${enc(edge.from)}`);
    if (token !== panelToken) return;
    const r = (e.relationships || []).find(x => x.direction === 'out' && x.type === edge.type && x.other.ref === edge.to);
    const to = nodes.get(edge.to);
    panel(
      el('p', { class: 'rel-type' }, edge.type),
      el('h2', {}, el('button', { class: 'link', type: 'button', onclick: () => showEntity(edge.from) }, e.name),
        ' → ', el('button', { class: 'link', type: 'button', onclick: () => showEntity(edge.to) }, r?.other.name || to?.label || edge.to)),
      r?.curated ? curatedTag(addedByCurators()) : null,
      r && Object.keys(r.properties || {}).length ? el('table', { class: 'props' },
        Object.entries(r.properties).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, formatValue(v))))) : null,
      el('h3', {}, 'Evidence'),
      evidenceList(r?.evidence) || el('p', { class: 'muted' }, 'No quotes recorded for this relationship.'));
  } catch (error) {
    if (token === panelToken) panel(el('p', { class: 'muted' }, error.message));
  }
}

/** "Models serving <industry>": the list in the panel, and the models added to the graph around it. */
async function modelsServing(industry, target) {
  target.replaceChildren(el('p', { class: 'muted' }, 'loading…'));
  try {
    const r = await api(`/api/industries/${enc(industry.ref)}/models?includeGeneral=false`);
    const models = r.models || [];
    const graphNodes = [{ id: industry.ref, kind: 'industry', name: industry.name, nameEn: industry.nameEn }];
    const graphEdges = [];
    for (const m of models) {
      graphNodes.push({ id: m.ref, kind: 'model', name: m.name, nameEn: m.nameEn });
      if (m.vendor) {
        graphNodes.push({ id: `vendor:${m.vendor.id}`, kind: 'vendor', name: m.vendor.name });
        graphEdges.push({ source: `vendor:${m.vendor.id}`, target: m.ref, type: 'DEVELOPS' });
      }
      if (m.application) {
        const app = `application:${m.application.id}`;
        graphNodes.push({ id: app, kind: 'application', name: m.application.name });
        graphEdges.push({ source: app, target: m.ref, type: 'BUILT_ON' }, { source: app, target: industry.ref, type: 'SERVES' });
      } else {
        graphEdges.push({ source: m.ref, target: industry.ref, type: 'SERVES' });
      }
    }
    if (addToGraph(graphNodes, graphEdges, industry.ref)) fitWhenSettled();
    graphStatus(false);
    target.replaceChildren(
      el('h3', {}, `Models serving ${industry.name} (${models.length})`),
      browserLink(`MATCH p = ${nodePattern(industry.ref, 'i')}<-[:SERVES]-(:Model)\nRETURN p\nUNION\n`
        + `MATCH p = ${nodePattern(industry.ref, 'i')}<-[:SERVES]-(:Application)-[:BUILT_ON]->(:Model)\nRETURN p`),
      models.length ? el('ul', { class: 'plain result-list', id: 'serving-models' }, models.map(m => el('li', {},
        el('div', { class: 'line' }, kindBadge('model'), entityLink({ ref: m.ref, name: m.name }),
          m.vendor ? el('span', { class: 'muted' }, m.vendor.name) : null,
          el('span', { class: 'via', title: viaExplained(m.via) },
            m.application ? `via ${m.application.name}` : m.via)),
        evidenceList(m.evidence))))
        : el('p', { class: 'muted' }, 'The documents name no model for this industry.'));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'muted' }, error.message));
  }
}

function viaExplained(via) {
  return {
    direct: 'the documents say the model serves the industry',
    application: 'through an application built on the model',
    general: 'a general-purpose model',
  }[via] || via;
}

/** A path from the model to the chip in words: "TRAINED_ON", or "USES 微软 Azure RUNS_ON". */
function pathText(path) {
  return path.map((hop, i) => (i === 0 ? hop.type : `${hop.from.name} ${hop.type}`)).join(' ');
}

/** "Chip dependencies of <model>": chips, their makers, the policies restricting them and substitutes. */
async function chipDependencies(model, target) {
  target.replaceChildren(el('p', { class: 'muted' }, 'loading…'));
  try {
    const r = await api(`/api/models/${enc(model.ref)}/chip-dependencies`);
    const chips = r.chips || [];
    const graphNodes = [];
    const graphEdges = [];
    const add = n => graphNodes.push({ id: n.ref, kind: n.kind, name: n.name, nameEn: n.nameEn });
    add(model);
    for (const c of chips) {
      for (const hop of (c.paths || []).flat()) {
        add(hop.from);
        add(hop.to);
        graphEdges.push({ source: hop.from.ref, target: hop.to.ref, type: hop.type });
      }
      add(c.chip);
      for (const { node } of c.makers || []) {
        add(node);
        graphEdges.push({ source: c.chip.ref, target: node.ref, type: 'MADE_BY' });
      }
      for (const { node } of c.restrictions || []) {
        add(node);
        graphEdges.push({ source: node.ref, target: c.chip.ref, type: 'RESTRICTS' });
      }
      for (const { node } of c.substitutes || []) {
        add(node);
        graphEdges.push({ source: node.ref, target: c.chip.ref, type: 'SUBSTITUTES_FOR' });
      }
    }
    if (addToGraph(graphNodes, graphEdges, model.ref)) fitWhenSettled();
    graphStatus(false);
    const related = (label, list) => list?.length ? el('div', {},
      el('div', { class: 'line' }, el('span', { class: 'muted' }, label),
        list.map(({ node }) => [kindBadge(node.kind), entityLink(node)])),
      evidenceList(list.flatMap(x => x.evidence || []).slice(0, 2))) : null;
    target.replaceChildren(
      el('h3', {}, `Chip dependencies of ${model.name} (${chips.length})`),
      browserLink(`MATCH p = ${nodePattern(model.ref, 'm')}-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON|USES]->{1,2}(c:Chip)\n`
        + 'OPTIONAL MATCH made = (c)-[:MADE_BY]->(:Vendor)\nOPTIONAL MATCH restricted = (c)<-[:RESTRICTS]-(:Policy)\n'
        + 'OPTIONAL MATCH substitute = (c)<-[:SUBSTITUTES_FOR]-()\nRETURN p, made, restricted, substitute'),
      chips.length ? el('ul', { class: 'plain result-list', id: 'chip-list' }, chips.map(c => el('li', {},
        el('div', { class: 'line' }, kindBadge('chip'), entityLink(c.chip),
          el('span', { class: 'rel-type' }, (c.paths || []).map(pathText).join(' · '))),
        related('made by', c.makers),
        related('restricted by', c.restrictions),
        related('substitutes', c.substitutes))))
        : el('p', { class: 'muted' }, 'The documents name no chip for this model.'));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'muted' }, error.message));
  }
}

/** What the panel shows before anything is chosen: ways in. */
async function showStart() {
  selectedRef = null;
  const suggestions = ['星火', '文心一言', '华为', '昇腾', 'A100', '人工智能'];
  const industryList = el('div', { class: 'chips' }, el('span', { class: 'muted' }, 'loading…'));
  panel(
    el('h2', {}, '从这里开始 · Start here'),
    el('p', { class: 'muted' }, 'Every node and relationship comes with the sentence it was read from. ' +
      'Type in the search box, or start from an industry.'),
    el('h3', {}, 'Industries'),
    industryList,
    el('h3', {}, 'Try a search'),
    el('div', { class: 'chips' }, suggestions.map(q => el('button', { type: 'button', onclick: () => {
      const input = $('#search');
      input.value = q;
      input.focus();
      input.dispatchEvent(new Event('input'));
    } }, q))),
    el('h3', {}, 'With Cypher'),
    el('p', {}, el('a', { href: '/browser/', target: '_blank', rel: 'noopener' }, 'Neo4j Browser'),
      ' opens on this graph with a guided tour: models serving finance, a model\u2019s chips and the policies on them, ' +
      'local policies by region and date, a vendor\u2019s neighbourhood.'));
  try {
    const industries = await api('/api/industries');
    industryList.replaceChildren(...industries.map(i => el('button', {
      type: 'button', title: `${i.nameEn || i.id}: ${i.modelCount} models`, onclick: () => navigate(`industry:${i.id}`),
    }, i.name, i.modelCount != null ? el('span', { class: 'muted' }, ` ${i.modelCount}`) : null)));
  } catch (error) {
    industryList.replaceChildren(el('span', { class: 'muted' }, error.message));
  }
}

/** The graph view: the entity in the address, or an empty graph with ways in. */
function showGraph() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const ref = hash === 'graph' ? '' : hash;
  if (ref) focus(ref);
  else {
    nodes.clear();
    edges.clear();
    expanded.clear();
    focusRef = null;
    renderLegend();
    $('#hint').hidden = false;
    status('');
    showStart();
  }
}

async function start() {
  initNetwork();
  initSearch();
  $('#fit').addEventListener('click', () => network.fit({ animation: { duration: 300 } }));
  $('#clear').addEventListener('click', () => {
    if (location.hash !== '#graph') location.hash = 'graph';
    else showGraph();
  });
  $('#depth').addEventListener('change', () => focusRef && focus(focusRef));
  $('#lang').addEventListener('click', () => setLang(lang === 'en' ? 'zh' : 'en'));
  $('#browser-link').addEventListener('click', applyBrowserStyle);
  $('#lang').textContent = lang === 'en' ? '中文' : 'EN';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  window.addEventListener('hashchange', () => route());
  await Promise.all([
    loadKinds().catch(error => status(`style: ${error.message}`, true)),
    api('/api/documents').then(list => list.forEach(d => documents.set(d.id, d)))
      .catch(error => status(`documents: ${error.message}`, true)),
  ]);
  renderLegend();
  started = true;
  route();
}

addView({ id: 'graph', zh: '关系图', en: 'Graph', order: 40, show: (container, refresh) => {
  // The vis-network canvas sizes itself to a visible container: redraw once it is shown.
  network?.setSize('100%', '100%');
  network?.redraw();
  if (refresh && focusRef) focus(focusRef);
  else if (!refresh) showGraph();
} });

// Deferred scripts have all run by DOMContentLoaded: every view is registered before the first route.
document.addEventListener('DOMContentLoaded', start);

window.landscape = { addView, el, api, nameOf, T, browserLink, nodePattern, lit, entityCypher, navigate, kindBadge,
  evidenceList, curatedLabel, derivedLabel, derivedTitle, regionPicker, documents, get lang() { return lang; } };
