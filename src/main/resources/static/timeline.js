'use strict';
// The timeline: policies (their date) and model releases (their releaseDate) on one month axis, from
// GET /api/overview/timeline, drawn with ECharts (served from its webjar). A date the documents give only
// to the month is drawn at that month, one given only to the year at its January and marked as such.
// Hovering a point shows the sentence its date was read from, marked when the date is the curators' reading
// (a year inferred) or the sentence machine-written; clicking it keeps it below the chart.
(() => {
  const { el, api, nameOf, T, browserLink, lit, navigate, regionPicker, curatedLabel, derivedLabel, derivedTitle } = window.landscape;
  const KINDS = [
    { key: 'policy', zh: '政策', en: 'Policies', color: '#C990C0' },
    { key: 'model', zh: '模型发布', en: 'Model releases', color: '#F16667' },
  ];
  const filters = { region: '', kind: '' };
  let body = null;
  let chart = null;
  let events = [];
  let truncated = false;
  let region = null; // the region picked, for its name in the box

  function months(list) {
    if (!list.length) return [];
    const first = list[0].month.length === 4 ? `${list[0].month}-01` : list[0].month;
    const last = list.map(e => (e.month.length === 4 ? `${e.month}-01` : e.month)).sort().at(-1);
    const out = [];
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }

  function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** The badges of one quote, as the panel shows them: a dataset's row, the curators' reading with their reason, machine-written text. */
  function badges(ev, reasons) {
    const reason = ev.curated && !reasons.has(ev.curated);
    reasons.add(ev.curated);
    return `${ev.row ? ` <span class="badge dataset">${escapeHtml(T('数据', 'dataset'))}</span>` : ''}`
      + `${ev.curated ? ` <span class="badge curated">${escapeHtml(curatedLabel())}</span>` : ''}`
      + `${ev.derivedFrom ? ` <span class="badge derived" title="${escapeHtml(derivedTitle(ev))}">${escapeHtml(derivedLabel(ev))}</span>` : ''}`
      + `${reason ? `<div class="reason">${escapeHtml(T('策展理由：', 'Curators\u2019 reason: '))}${escapeHtml(ev.curated)}</div>` : ''}`;
  }

  /** The tooltip: ECharts takes HTML, so every value from the API is escaped. */
  function tooltip(e) {
    const where = [e.by ? nameOf(e.by) : null, ...e.regions.map(nameOf)].filter(Boolean).join(' · ');
    const reasons = new Set();
    const evidence = e.evidence.map(ev => (ev.quote ? `<blockquote>${escapeHtml(ev.quote)}</blockquote>` : '')
      + (ev.row ? `<blockquote>${Object.entries(ev.cells || {}).map(([c, v]) => `${escapeHtml(c)}: ${escapeHtml(v)}`).join('<br>')}</blockquote>` : '')
      + `<div class="source">${ev.documentId ? `— ${escapeHtml(ev.documentId)}${ev.section ? ` §${escapeHtml(ev.section)}` : ''}` : ''}`
      + `${badges(ev, reasons)}</div>`).join('');
    return `<div class="tl-tip"><b>${escapeHtml(nameOf(e.node))}</b><br>`
      + `${escapeHtml(e.date)}${e.precision === 'year' ? escapeHtml(T('（仅年份）', ' (year only)')) : ''}`
      + `${where ? ` · ${escapeHtml(where)}` : ''}${evidence || `<div>${escapeHtml(T('无日期引文', 'no quote for the date'))}</div>`}</div>`;
  }

  function draw() {
    const axis = months(events);
    const stacks = new Map();
    const series = KINDS.filter(k => !filters.kind || filters.kind === k.key).map(kind => ({
      name: T(kind.zh, kind.en),
      type: 'scatter',
      symbolSize: 14,
      itemStyle: { color: kind.color, borderColor: '#fff', borderWidth: 1 },
      data: events.filter(e => e.node.kind === kind.key).map(e => {
        const month = e.month.length === 4 ? `${e.month}-01` : e.month;
        const stackKey = `${kind.key}|${month}`;
        const level = stacks.get(stackKey) || 0;
        stacks.set(stackKey, level + 1);
        return {
          value: [month, T(kind.zh, kind.en)],
          symbolOffset: [0, -level * 15],
          symbol: e.precision === 'year' ? 'emptyCircle' : 'circle',
          event: e,
        };
      }),
    }));
    chart.setOption({
      animation: false,
      grid: { left: 100, right: 30, top: 40, bottom: 70 },
      legend: { top: 6 },
      tooltip: { trigger: 'item', confine: true, extraCssText: 'max-width: 420px; white-space: normal;',
        formatter: p => tooltip(p.data.event) },
      xAxis: { type: 'category', data: axis, axisLabel: { rotate: 45 }, splitLine: { show: true, lineStyle: { color: '#f0f1f4' } } },
      yAxis: { type: 'category', data: KINDS.map(k => T(k.zh, k.en)), axisLabel: { fontSize: 13 } },
      dataZoom: [{ type: 'slider', bottom: 8, height: 18 }, { type: 'inside' }],
      series,
    }, true);
    performance.mark('timeline-drawn');
  }

  function timelineCypher() {
    const region = filters.region ? lit(filters.region) : null;
    const policy = `  MATCH (n:Policy) WHERE n.date IS NOT NULL${region
      ? `\n    AND EXISTS { (:Region {id: ${region}})<-[:PART_OF]-{0,4}(:Region)<-[:COVERS]-(n) }` : ''}\n`
      + "  RETURN 'policy' AS kind, n.date AS date, n.name AS name";
    const model = `  MATCH (n:Model) WHERE n.releaseDate IS NOT NULL${region
      ? `\n    AND EXISTS { (:Region {id: ${region}})<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(:Vendor)-[:DEVELOPS]->(n) }` : ''}\n`
      + "  RETURN 'model' AS kind, n.releaseDate AS date, n.name AS name";
    const parts = filters.kind === 'policy' ? [policy] : filters.kind === 'model' ? [model] : [policy, model];
    return `CALL () {\n${parts.join('\n  UNION ALL\n')}\n}\nRETURN kind, date, name ORDER BY date, name`;
  }

  /** ECharts (1 MB) is fetched when the timeline is first opened, so that it does not slow the overview down. */
  function loadECharts() {
    if (window.echarts) return Promise.resolve();
    return new Promise((resolve, reject) => {
      document.head.append(el('script', { src: '/webjars/echarts/dist/echarts.min.js', onload: resolve,
        onerror: () => reject(new Error('ECharts could not be loaded')) }));
    });
  }

  /** The status and the Cypher link follow the answer; the selects stay (the one in use is not replaced). */
  function updateControls() {
    body.querySelector('#timeline-status').textContent = T(`${events.length} 个事件`, `${events.length} events`)
      + (truncated ? T('（已截断）', ' (truncated)') : '');
    body.querySelector('.filters .browser-link').replaceWith(browserLink(timelineCypher()));
  }

  function renderControls() {
    const controls = el('div', { class: 'filters', role: 'search' },
      el('label', {}, T('地区', 'Region'), ' ', regionPicker('timeline-region', region, picked => {
        region = picked;
        filters.region = picked?.id || '';
        load();
      })),
      el('label', {}, T('类别', 'Kind'), ' ', el('select', { id: 'timeline-kind', onchange: e => {
        filters.kind = e.target.value;
        load();
      } }, el('option', { value: '' }, T('全部', 'all')),
      KINDS.map(k => el('option', { value: k.key, selected: filters.kind === k.key }, T(k.zh, k.en))))),
      el('span', { id: 'timeline-status', class: 'muted' }),
      browserLink(timelineCypher()));
    body.querySelector('.filters')?.replaceWith(controls);
    if (!body.querySelector('.filters')) body.prepend(controls);
    updateControls();
  }

  function showEvidence(e) {
    const box = body.querySelector('#timeline-evidence');
    box.replaceChildren(
      el('div', {}, window.landscape.kindBadge(e.node.kind), ' ',
        el('button', { type: 'button', class: 'link', onclick: () => navigate(e.node.ref) }, nameOf(e.node)),
        el('span', { class: 'muted' }, ` ${e.date}`), ' ', browserLink(window.landscape.entityCypher(e.node.ref))),
      window.landscape.evidenceList(e.evidence) || el('p', { class: 'muted' }, T('无日期引文', 'No quote for the date.')));
  }

  async function load() {
    const q = new URLSearchParams();
    if (filters.region) q.set('region', filters.region);
    if (filters.kind) q.set('kind', filters.kind);
    try {
      const answer = await api(`/api/overview/timeline?${q}`);
      events = answer.events;
      truncated = answer.truncated;
      updateControls();
      draw();
    } catch (error) {
      body.querySelector('#timeline-evidence').textContent = error.message;
    }
  }

  window.landscape.addView({
    id: 'timeline', order: 20, zh: '时间线', en: 'Timeline',
    show(container, refresh) {
      if (!body) {
        body = el('div', { class: 'view-body' },
          el('div', { id: 'timeline-chart' }),
          el('div', { id: 'timeline-evidence' }, el('p', { class: 'muted' },
            T('悬停查看日期出处，点击查看详情', 'Hover a point for the sentence its date comes from; click it to keep it here.'))));
        container.append(body);
        renderControls();
        loadECharts().then(() => {
          chart = echarts.init(body.querySelector('#timeline-chart'));
          chart.on('click', p => p.data?.event && showEvidence(p.data.event));
          window.addEventListener('resize', () => chart.resize());
          window.landscape.timeline = { chart, events: () => events };
          load();
        }, error => {
          body.querySelector('#timeline-evidence').textContent = error.message;
        });
      } else if (chart) {
        chart.resize();
        if (refresh) {
          renderControls();
          draw();
        }
      }
    },
  });
})();
