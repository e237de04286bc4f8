'use strict';
// Regions at a glance: per region its policies, vendors and models, its sub-regions included (广东 holds
// 深圳), from GET /api/overview/regions, a page of regions at a time.
(() => {
  const { el, api, nameOf, T, browserLink, lit, navigate } = window.landscape;
  const CAP = 8;
  const LEVELS = { country: ['国家', 'country'], cluster: ['城市群', 'cluster'], province: ['省级', 'province'],
    city: ['城市', 'city'], district: ['区', 'district'] };
  let body = null;
  let list = null;
  let page = null;
  let regions = [];

  function regionCypher(region) {
    const r = lit(region.id);
    return `MATCH (r:Region {id: ${r}})<-[:PART_OF]-{0,4}(sub:Region)\n`
      + 'OPTIONAL MATCH policies = (sub)<-[:COVERS]-(:Policy)\n'
      + 'OPTIONAL MATCH vendors = (sub)<-[:LOCATED_IN]-(v:Vendor)\n'
      + 'OPTIONAL MATCH models = (v)-[:DEVELOPS]->(:Model)\n'
      + 'RETURN r, sub, policies, vendors, models';
  }

  function chips(items, count, label) {
    return [el('dt', {}, `${label} ${count}`), el('dd', {}, items.map(x => el('button', {
      type: 'button', 'data-ref': x.node?.ref || x.ref, title: x.date || '',
      onclick: () => navigate(x.node?.ref || x.ref),
    }, nameOf(x.node || x))), count > items.length ? el('span', { class: 'muted' }, `+${count - items.length}`) : null)];
  }

  function regionCard(g) {
    const level = LEVELS[g.level];
    return el('article', { class: 'region', 'data-region': g.region.ref },
      el('h3', {}, el('button', { type: 'button', class: 'link', onclick: () => navigate(g.region.ref) }, nameOf(g.region)),
        el('span', { class: 'muted' }, level ? T(...level) : g.level || '',
          g.parents.length ? ` · ${g.parents.map(nameOf).join('、')}` : ''),
        browserLink(regionCypher(g.region), 'Neo4j Browser')),
      el('dl', {},
        chips(g.policies, g.policyCount, T('政策', 'Policies')),
        chips(g.vendors, g.vendorCount, T('厂商', 'Vendors')),
        chips(g.models, g.modelCount, T('模型', 'Models'))));
  }

  function render() {
    list.replaceChildren(...regions.map(regionCard));
    const more = body.querySelector('#regions-more');
    more.hidden = page?.nextOffset == null;
    more.textContent = T(`更多地区（共 ${page?.total ?? 0}）…`, `More regions (${page?.total ?? 0} in all) …`);
  }

  async function load(offset) {
    try {
      page = await api(`/api/overview/regions?cap=${CAP}&limit=50&offset=${offset}`);
      regions = offset ? regions.concat(page.regions) : page.regions;
      render();
    } catch (error) {
      list.replaceChildren(el('p', { class: 'muted' }, error.message));
    }
  }

  window.landscape.addView({
    id: 'regions', order: 30, zh: '地区', en: 'Regions',
    show(container, refresh) {
      if (!body) {
        list = el('div', { class: 'region-cards' });
        body = el('div', { class: 'view-body' },
          el('p', { class: 'muted' }, T('每个地区含其下属地区（广东含深圳）。', 'Each region includes its sub-regions (广东 includes 深圳).')),
          list,
          el('p', {}, el('button', { type: 'button', id: 'regions-more', class: 'more', hidden: true,
            onclick: () => load(regions.length) })));
        container.append(body);
        load(0);
      } else if (refresh) {
        render();
      }
    },
  });
})();
