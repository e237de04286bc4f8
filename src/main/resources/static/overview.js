'use strict';
// The overview ("图谱", the start view): models by scope and deployment, by country and by licence, vendors by kind, chips by maker
// and by country, from GET /api/overview. Filters by industry, region and document; each group shows its
// count and first cards, "more" asks GET /api/overview/group for the next page; a card opens the entity
// in the graph view and is marked when a fact on it is the curators' reading; each group opens in Neo4j
// Browser as Cypher. The region filter is a type-ahead, so that it works for any number of regions.
(() => {
  const { el, api, nameOf, T, browserLink, lit, navigate, regionPicker, curatedLabel } = window.landscape;
  const CAP = 12;
  const PAGE = 50;
  const filters = { industry: '', region: '', document: '' };
  const options = { industries: [], documents: [] };
  let region = null; // the region picked, for its name in the box
  let body = null;
  let filterBar = null;
  let sections = null;
  let answer = null;
  let token = 0;

  const SECTIONS = [
    { key: 'models', zh: '大模型 · 按类型与部署', en: 'Models by scope and deployment', kind: 'model' },
    { key: 'models-by-country', zh: '大模型 · 按国家', en: 'Models by country', kind: 'model' },
    { key: 'models-by-licence', zh: '大模型 · 按许可', en: 'Models by licence', kind: 'model' },
    { key: 'vendors', zh: '厂商 · 按类别', en: 'Vendors by kind', kind: 'vendor' },
    { key: 'chips-by-maker', zh: '芯片 · 按厂商', en: 'Chips by maker', kind: 'chip' },
    { key: 'chips-by-country', zh: '芯片 · 按国家', en: 'Chips by country', kind: 'chip' },
  ];

  const LABELS = {
    general: ['通用大模型', 'General'], industry: ['行业大模型', 'Industry'], device: ['端侧', 'On-device'],
    'device-cloud': ['端云协同', 'Device-cloud'], cloud: ['云端', 'Cloud'],
    listed: ['上市公司', 'Listed companies'], company: ['企业', 'Companies'], research: ['科研机构', 'Research institutes'],
    university: ['高校', 'Universities'], lab: ['实验室', 'Labs'], chipmaker: ['芯片厂商', 'Chip makers'],
    cloud_vendor: ['云服务商', 'Cloud providers'], media: ['媒体', 'Media'],
  };

  function groupLabel(section, group) {
    if (group.node) return nameOf(group.node);
    if (group.key === 'unknown') {
      return {
        models: T('未分类', 'Unclassified'), vendors: T('未分类', 'Unclassified'),
        'models-by-country': T('国家不详', 'Country not stated'), 'models-by-licence': T('许可不详', 'Licence not stated'),
        'chips-by-maker': T('制造商不详', 'Maker not stated'), 'chips-by-country': T('国家不详', 'Country not stated'),
      }[section];
    }
    return group.key.split('/').map(part => {
      const label = LABELS[section === 'vendors' && part === 'cloud' ? 'cloud_vendor' : part];
      return label ? T(...label) : part;
    }).join(' · ');
  }

  function query() {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    return q;
  }

  // ---- The equivalent Cypher of a group, for Neo4j Browser ----

  const SCOPE = "CASE WHEN n.type IN ['general', 'industry'] THEN n.type END";
  const DEPLOYMENT = "coalesce(n.deployment, CASE n.type WHEN 'on-device' THEN 'device' WHEN 'device-cloud' THEN 'device-cloud' END)";

  function filterCypher(section) {
    const where = [];
    const models = section.startsWith('models');
    const seated = models ? '(n)<-[:DEVELOPS]-(:Vendor)-[:LOCATED_IN]->'
      : section === 'vendors' ? '(n)-[:LOCATED_IN]->' : '(n)-[:MADE_BY]->(:Vendor)-[:LOCATED_IN]->';
    if (filters.industry) {
      where.push(models ? `(EXISTS { (n)-[:SERVES]->(:Industry {id: ${lit(filters.industry)}}) } OR EXISTS { (n)<-[:BUILT_ON]-(:Application)-[:SERVES]->(:Industry {id: ${lit(filters.industry)}}) })`
        : section === 'vendors' ? `EXISTS { (n)-[:DEVELOPS]->(:Model|Application)-[:SERVES]->(:Industry {id: ${lit(filters.industry)}}) }`
          : `EXISTS { (n)<-[:RUNS_ON|TRAINED_ON]-(:Model)-[:SERVES]->(:Industry {id: ${lit(filters.industry)}}) }`);
    }
    if (filters.region) where.push(`EXISTS { ${seated}(:Region)-[:PART_OF]->{0,4}(:Region {id: ${lit(filters.region)}}) }`);
    if (filters.document) where.push(`EXISTS { (:Document {id: ${lit(filters.document)}})-[:MENTIONS]->(n) }`);
    return where;
  }

  function groupCypher(section, key) {
    const where = filterCypher(section);
    const and = where.length ? `\nWHERE ${where.join('\n  AND ')}` : '';
    if (section === 'models') {
      const [a, b] = key.includes('/') ? key.split('/') : [key, null];
      const isDeployment = ['device', 'device-cloud', 'cloud'].includes(a) && !b;
      const scope = key === 'unknown' || isDeployment ? 'IS NULL' : `= ${lit(a)}`;
      const deployment = b ? `= ${lit(b)}` : isDeployment ? `= ${lit(a)}` : 'IS NULL';
      return `MATCH (n:Model)${and}\nWITH n, ${SCOPE} AS scope,\n     ${DEPLOYMENT} AS deployment\n`
        + `WHERE scope ${scope} AND deployment ${deployment}\nOPTIONAL MATCH p = (n)<-[:DEVELOPS]-(:Vendor)\nRETURN n, p`;
    }
    if (section === 'models-by-licence') {
      return `MATCH (n:Model)\nWHERE ${[`coalesce(n.licence, n.accessibility, 'unknown') = ${lit(key)}`, ...where].join('\n  AND ')}\n`
        + 'OPTIONAL MATCH p = (n)<-[:DEVELOPS]-(:Vendor)\nRETURN n, p';
    }
    if (section === 'models-by-country') {
      return `MATCH (n:Model)${and}\n`
        + "OPTIONAL MATCH (n)<-[:DEVELOPS]-(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(c:Region {level: 'country'})\n"
        + 'WITH n, collect(DISTINCT c.id)[0] AS seat\n'
        + "WITH n, CASE WHEN seat IS NOT NULL THEN seat WHEN n.countries IS NULL THEN 'unknown'\n"
        + "             WHEN 'China' IN [x IN split(n.countries, ',') | trim(x)] THEN 'china'\n"
        + "             ELSE toLower(replace(trim(split(n.countries, ',')[0]), ' ', '-')) END AS key\n"
        + `WHERE key = ${lit(key)}\nOPTIONAL MATCH p = (n)<-[:DEVELOPS]-(:Vendor)\nRETURN n, p`;
    }
    if (section === 'vendors') {
      const kind = key === 'listed' ? 'n.listed = true'
        : `coalesce(n.listed, false) = false AND ${key === 'unknown' ? 'n.category IS NULL' : `n.category = ${lit(key)}`}`;
      return `MATCH (n:Vendor)\nWHERE ${[kind, ...where].join('\n  AND ')}\nRETURN n`;
    }
    if (section === 'chips-by-maker') {
      if (key === 'unknown') return `MATCH (n:Chip)\nWHERE ${['NOT (n)-[:MADE_BY]->(:Vendor)', ...where].join('\n  AND ')}\nRETURN n`;
      return `MATCH p = (n:Chip)-[:MADE_BY]->(:Vendor {id: ${lit(key)}})${and}\nRETURN p`;
    }
    const chain = '(n)-[:MADE_BY]->(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}';
    if (key === 'unknown') {
      return `MATCH (n:Chip)\nWHERE ${[`NOT EXISTS { ${chain}(:Region {level: 'country'}) }`, ...where].join('\n  AND ')}\nRETURN n`;
    }
    return `MATCH p = ${chain}(:Region {id: ${lit(key)}})${and}\nRETURN p`;
  }

  // ---- Drawing ----

  /** A card's facts that are the curators' reading, each with their reason. */
  function curatedBadge(item) {
    const curated = Object.entries(item.curated || {});
    if (!curated.length) return null;
    return el('span', {
      class: 'badge curated', title: curated.map(([fact, reason]) => `${fact}: ${reason || T('策展人添加', 'added by the curators')}`).join('\n'),
    }, curatedLabel());
  }

  function card(item) {
    const kind = kindOf(item.node.kind);
    return el('button', {
      type: 'button', class: 'card', 'data-ref': item.node.ref, style: { '--kind': kind.color },
      title: [item.node.name, item.node.nameEn, ...Object.entries(item.facts || {}).map(([k, v]) => `${k}: ${v}`)]
        .filter(Boolean).join('\n'),
      onclick: () => navigate(item.node.ref),
    }, nameOf(item.node), el('span', { class: 'by' }, item.by ? nameOf(item.by) : null, curatedBadge(item)));
  }

  function moreButton(section, group, cards) {
    const button = el('button', {
      type: 'button', class: 'more', 'data-more': `${section}:${group.key}`,
      onclick: async () => {
        button.disabled = true;
        try {
          const q = query();
          q.set('section', section);
          q.set('group', group.key);
          q.set('offset', String(group.items.length));
          q.set('limit', String(PAGE));
          const page = await api(`/api/overview/group?${q}`);
          group.items.push(...page.items);
          cards.append(...page.items.map(card));
          if (page.nextOffset == null) button.remove();
          else {
            button.textContent = moreText(group);
            button.disabled = false;
            cards.append(button);
          }
        } catch (error) {
          button.textContent = error.message;
        }
      },
    }, moreText(group));
    return button;
  }

  function moreText(group) {
    const rest = group.count - group.items.length;
    return T(`还有 ${rest} 个 …`, `${rest} more …`);
  }

  function renderGroup(section, group) {
    const cards = el('div', { class: 'cards' }, group.items.map(card));
    if (group.count > group.items.length) cards.append(moreButton(section, group, cards));
    return el('article', { class: 'ov-group', 'data-group': `${section}:${group.key}` },
      el('header', {}, el('h3', {}, groupLabel(section, group)), el('span', { class: 'count' }, group.count),
        browserLink(groupCypher(section, group.key), 'Neo4j Browser')),
      cards);
  }

  function renderSection(meta, data) {
    const groups = el('div', { class: 'ov-groups' }, data.groups.length ? data.groups.map(g => renderGroup(meta.key, g))
      : el('p', { class: 'muted' }, T('无（按当前筛选）', 'None with these filters.')));
    const total = data.groups.reduce((sum, g) => sum + g.count, 0);
    const section = el('section', { class: 'ov-section', 'data-section': meta.key },
      el('h2', {}, T(meta.zh, meta.en), el('span', { class: 'muted' },
        T(`${data.groupCount} 组`, `${data.groupCount} groups`), meta.key !== 'chips-by-country' ? ` · ${total}` : '')),
      groups);
    if (data.nextGroupOffset != null) {
      const more = el('button', { type: 'button', class: 'more', onclick: async () => {
        more.disabled = true;
        const q = query();
        q.set('section', meta.key);
        q.set('cap', String(CAP));
        q.set('groupOffset', String(data.nextGroupOffset));
        const next = (await api(`/api/overview?${q}`)).sections[meta.key];
        data.groups.push(...next.groups);
        data.nextGroupOffset = next.nextGroupOffset;
        groups.append(...next.groups.map(g => renderGroup(meta.key, g)));
        if (next.nextGroupOffset == null) more.remove();
        else more.disabled = false;
      } }, T('更多分组 …', 'More groups …'));
      section.append(more);
    }
    return section;
  }

  function select(name, zh, en, list, label) {
    return el('label', {}, T(zh, en), ' ', el('select', {
      id: `filter-${name}`, 'data-filter': name,
      onchange: event => {
        filters[name] = event.target.value;
        load();
      },
    }, el('option', { value: '' }, T('全部', 'all')), list.map(x => el('option', {
      value: x.id, selected: filters[name] === x.id,
    }, label(x)))));
  }

  function renderFilters() {
    return el('div', { class: 'filters', role: 'search' },
      select('industry', '行业', 'Industry', options.industries, x => `${nameOf(x)}${x.modelCount != null ? ` (${x.modelCount})` : ''}`),
      el('label', {}, T('地区', 'Region'), ' ', regionPicker('filter-region', region, picked => {
        region = picked;
        filters.region = picked?.id || '';
        load();
      })),
      select('document', '文档', 'Document', options.documents,
        x => `${x.title || x.id}${x.derivedFrom ? T('（派生）', ' (derived)') : ''}`),
      el('button', { type: 'button', id: 'filter-clear', hidden: !Object.values(filters).some(Boolean), onclick: () => {
        Object.keys(filters).forEach(k => { filters[k] = ''; });
        region = null;
        filterBar.replaceChildren(renderFilters());
        load();
      } }, T('清除筛选', 'Clear filters')),
      el('span', { id: 'overview-status', class: 'muted', role: 'status' }));
  }

  function render() {
    if (!answer) return;
    // The filters stay as they are (the select a person is using is not replaced); only the groups are redrawn
    document.getElementById('filter-clear').hidden = !Object.values(filters).some(Boolean);
    sections.replaceChildren(...SECTIONS.map(meta => renderSection(meta, answer.sections[meta.key])));
    performance.mark('overview-drawn'); // the page test reads when the overview is first on screen
  }

  async function load() {
    const mine = ++token;
    const status = document.getElementById('overview-status');
    if (status) status.textContent = T('加载中…', 'loading…');
    try {
      const q = query();
      q.set('cap', String(CAP));
      const result = await api(`/api/overview?${q}`);
      if (mine !== token) return;
      answer = result;
      render();
    } catch (error) {
      if (mine !== token) return;
      document.getElementById('overview-status').textContent = error.message;
    }
  }

  async function loadOptions() {
    const [industries, documents] = await Promise.all([
      api('/api/industries').catch(() => []),
      api('/api/documents').catch(() => []),
    ]);
    Object.assign(options, { industries, documents });
    filterBar.replaceChildren(renderFilters());
  }

  window.landscape.addView({
    id: 'overview', order: 10, zh: '图谱', en: 'Overview',
    show(container, refresh) {
      if (!body) {
        filterBar = el('div', {}, renderFilters());
        sections = el('div', {}, el('p', { class: 'muted' }, T('加载中…', 'loading…')));
        body = el('div', { class: 'view-body' }, filterBar, sections);
        container.append(body);
        load();
        loadOptions();
      } else if (refresh) {
        filterBar.replaceChildren(renderFilters());
        render();
      }
    },
  });
})();
