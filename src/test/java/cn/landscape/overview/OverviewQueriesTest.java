package cn.landscape.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.NodeRef;
import cn.landscape.evidence.Evidence;
import cn.landscape.overview.OverviewQueries.Card;
import cn.landscape.overview.OverviewQueries.Event;
import cn.landscape.overview.OverviewQueries.Filters;
import cn.landscape.overview.OverviewQueries.Group;
import cn.landscape.overview.OverviewQueries.GroupPage;
import cn.landscape.overview.OverviewQueries.RegionGlance;
import cn.landscape.overview.OverviewQueries.RegionPage;
import cn.landscape.overview.OverviewQueries.Section;
import cn.landscape.overview.OverviewQueries.SectionAnswer;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The overview's groups and filters, the timeline and regions at a glance, on a landscape small enough to read. */
@DataNeo4jTest
@EnableConfigurationProperties(LandscapeProperties.class)
@Import(OverviewQueries.class)
class OverviewQueriesTest {

	// china > guangdong > shenzhen, china > beijing, usa. Names sort as the ids do.
	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (china:Region:Entity {id: 'china', name: 'China', level: 'country'})
			CREATE (usa:Region:Entity {id: 'usa', name: 'USA', level: 'country'})
			CREATE (gd:Region:Entity {id: 'guangdong', name: 'Guangdong', level: 'province'})
			CREATE (sz:Region:Entity {id: 'shenzhen', name: 'Shenzhen', level: 'city'})
			CREATE (bj:Region:Entity {id: 'beijing', name: 'Beijing', level: 'city'})
			CREATE (gd)-[:PART_OF {evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(china)
			CREATE (sz)-[:PART_OF {evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(gd)
			CREATE (bj)-[:PART_OF {evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(china)
			CREATE (huawei:Vendor:Entity {id: 'huawei', name: 'Huawei', nameEn: 'Huawei', category: 'company'})
			CREATE (iflytek:Vendor:Entity {id: 'iflytek', name: 'iFlytek', category: 'company', listed: true})
			CREATE (nvidia:Vendor:Entity {id: 'nvidia', name: 'NVIDIA', category: 'company', listed: false})
			CREATE (lab:Vendor:Entity {id: 'lab', name: 'Lab', category: 'institute'})
			CREATE (anon:Vendor:Entity {id: 'anon', name: 'Anon'})
			CREATE (huawei)-[:LOCATED_IN {evidenceDocs: ['d'], evidenceQuotes: ['深圳华为'], evidenceSections: ['']}]->(sz)
			CREATE (iflytek)-[:LOCATED_IN {evidenceDocs: ['d'], evidenceQuotes: ['北京'], evidenceSections: ['']}]->(bj)
			CREATE (nvidia)-[:LOCATED_IN {evidenceDocs: ['d'], evidenceQuotes: ['美国'], evidenceSections: ['']}]->(usa)
			CREATE (pangu:Model:Entity {id: 'pangu', name: 'PanGu', type: 'general', deployment: 'cloud',
			        releaseDate: '2023-07-07', curated: ['deployment'],
			        evidenceDocs: ['d', ''], evidenceQuotes: ['盘古于2023年7月7日发布', ''], evidenceSections: ['2', ''],
			        evidenceCurated: ['', '华为云上提供'], evidenceProperties: ['releaseDate', 'deployment']})
			CREATE (spark:Model:Entity {id: 'spark', name: 'Spark', type: 'general', deployment: 'cloud', releaseDate: '2023-05'})
			CREATE (chitu:Model:Entity {id: 'chitu', name: 'Chitu', type: 'industry'})
			CREATE (box:Model:Entity {id: 'box', name: 'Box', deployment: 'private'})
			CREATE (mystery:Model:Entity {id: 'mystery', name: 'Mystery'})
			CREATE (huawei)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['华为盘古'], evidenceSections: ['']}]->(pangu)
			CREATE (iflytek)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['讯飞星火'], evidenceSections: ['']}]->(spark)
			CREATE (lab)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['赤兔'], evidenceSections: ['']}]->(chitu)
			CREATE (finance:Industry:Entity {id: 'finance', name: 'Finance'})
			CREATE (app:Application:Entity {id: 'advisor', name: 'Advisor'})
			CREATE (chitu)-[:SERVES {evidenceDocs: ['d'], evidenceQuotes: ['赤兔服务金融'], evidenceSections: ['']}]->(finance)
			CREATE (app)-[:BUILT_ON {evidenceDocs: ['d'], evidenceQuotes: ['基于星火'], evidenceSections: ['']}]->(spark)
			CREATE (app)-[:SERVES {evidenceDocs: ['d'], evidenceQuotes: ['投顾'], evidenceSections: ['']}]->(finance)
			CREATE (ascend:Chip:Entity {id: 'ascend', name: 'Ascend', chipType: 'NPU', process: '7nm'})
			CREATE (h100:Chip:Entity {id: 'h100', name: 'H100', chipType: 'GPU'})
			CREATE (labchip:Chip:Entity {id: 'labchip', name: 'LabChip'})
			CREATE (x1:Chip:Entity {id: 'x1', name: 'X1'})
			CREATE (ascend)-[:MADE_BY {evidenceDocs: ['d'], evidenceQuotes: ['华为昇腾'], evidenceSections: ['']}]->(huawei)
			CREATE (h100)-[:MADE_BY {evidenceDocs: ['d'], evidenceQuotes: ['英伟达 H100'], evidenceSections: ['']}]->(nvidia)
			CREATE (labchip)-[:MADE_BY {evidenceDocs: ['d'], evidenceQuotes: ['实验室芯片'], evidenceSections: ['']}]->(lab)
			CREATE (pangu)-[:RUNS_ON {evidenceDocs: ['d'], evidenceQuotes: ['基于昇腾'], evidenceSections: ['']}]->(ascend)
			CREATE (chitu)-[:TRAINED_ON {evidenceDocs: ['d'], evidenceQuotes: ['用 H100 训练'], evidenceSections: ['']}]->(h100)
			CREATE (gdPlan:Policy:Entity {id: 'gd-plan', name: 'GD plan', date: '2023-11'})
			CREATE (szRules:Policy:Entity {id: 'sz-rules', name: 'SZ rules', date: '2024'})
			CREATE (bjPlan:Policy:Entity {id: 'bj-plan', name: 'BJ plan', date: '2023-05-31'})
			CREATE (szUndated:Policy:Entity {id: 'sz-undated', name: 'SZ undated'})
			CREATE (gdPlan)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['广东省'], evidenceSections: ['']}]->(gd)
			CREATE (szRules)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['深圳市'], evidenceSections: ['']}]->(sz)
			CREATE (bjPlan)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['北京市'], evidenceSections: ['']}]->(bj)
			CREATE (szUndated)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['深圳市'], evidenceSections: ['']}]->(sz)
			CREATE (doc:Document:Entity {id: 'd', name: 'Report'})
			CREATE (doc)-[:MENTIONS {evidenceDocs: ['d'], evidenceQuotes: ['星火'], evidenceSections: ['1']}]->(spark)
			CREATE (doc)-[:MENTIONS {evidenceDocs: ['d'], evidenceQuotes: ['H100'], evidenceSections: ['1']}]->(h100)
			""");

	private static final Filters NONE = new Filters(null, null, null);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	OverviewQueries queries;

	private SectionAnswer all(Section section, Filters filters) {
		return queries.groups(section, filters, 10, 0, 10);
	}

	private static List<String> keys(SectionAnswer answer) {
		return answer.groups().stream().map(Group::key).toList();
	}

	private static Map<String, List<String>> members(SectionAnswer answer) {
		return answer.groups().stream()
			.collect(Collectors.toMap(Group::key,
					g -> g.items().stream().map(c -> c.node().id()).toList(), (a, b) -> a,
					LinkedHashMap::new));
	}

	@Test
	void models_group_by_scope_and_deployment_whichever_is_stated_largest_group_first() {
		SectionAnswer models = all(Section.MODELS, NONE);
		assertThat(models.section()).isEqualTo("models");
		assertThat(models.groupCount()).isEqualTo(4);
		assertThat(models.nextGroupOffset()).isNull();
		assertThat(members(models)).containsExactly(Map.entry("general/cloud", List.of("pangu", "spark")),
				Map.entry("industry", List.of("chitu")), Map.entry("private", List.of("box")),
				Map.entry("unknown", List.of("mystery")));
		assertThat(models.groups()).extracting(Group::count, Group::more)
			.containsExactly(tuple(2L, false), tuple(1L, false), tuple(1L, false), tuple(1L, false));
	}

	@Test
	void a_model_card_names_its_developer_leaves_out_unstated_facts_and_says_which_fact_is_curated_and_why() {
		Card pangu = all(Section.MODELS, NONE).groups().getFirst().items().getFirst();
		assertThat(pangu.node().ref()).isEqualTo("model:pangu");
		assertThat(pangu.by().ref()).isEqualTo("vendor:huawei");
		assertThat(pangu.facts()).containsOnly(Map.entry("type", "general"), Map.entry("deployment", "cloud"),
				Map.entry("releaseDate", "2023-07-07"));
		assertThat(pangu.curated()).containsOnly(Map.entry("deployment", "华为云上提供"));
		Card box = all(Section.MODELS, NONE).groups().get(2).items().getFirst();
		assertThat(box.by()).isNull();
		assertThat(box.facts()).containsOnlyKeys("deployment");
		assertThat(box.curated()).isEmpty();
	}

	@Test
	void a_listed_vendor_groups_as_listed_whatever_its_category_and_one_without_a_category_as_unknown() {
		SectionAnswer vendors = all(Section.VENDORS, NONE);
		assertThat(members(vendors)).containsExactly(Map.entry("company", List.of("huawei", "nvidia")),
				Map.entry("institute", List.of("lab")), Map.entry("listed", List.of("iflytek")),
				Map.entry("unknown", List.of("anon")));
		Card huawei = vendors.groups().getFirst().items().getFirst();
		assertThat(huawei.facts()).containsEntry("models", 1L).containsEntry("category", "company");
	}

	@Test
	void chips_group_by_maker_with_the_makers_node_and_unknown_when_no_maker_is_named() {
		SectionAnswer byMaker = all(Section.CHIPS_BY_MAKER, NONE);
		assertThat(members(byMaker)).containsExactly(Map.entry("huawei", List.of("ascend")),
				Map.entry("lab", List.of("labchip")), Map.entry("nvidia", List.of("h100")),
				Map.entry("unknown", List.of("x1")));
		assertThat(byMaker.groups()).extracting(g -> g.node() == null ? null : g.node().ref())
			.containsExactly("vendor:huawei", "vendor:lab", "vendor:nvidia", null);
		assertThat(byMaker.groups().getFirst().items().getFirst().by().ref()).isEqualTo("vendor:huawei");
	}

	@Test
	void chips_group_by_the_country_up_the_makers_region_chain_and_unknown_when_there_is_none() {
		SectionAnswer byCountry = all(Section.CHIPS_BY_COUNTRY, NONE);
		assertThat(members(byCountry)).containsExactly(Map.entry("unknown", List.of("labchip", "x1")),
				Map.entry("china", List.of("ascend")), Map.entry("usa", List.of("h100")));
		assertThat(byCountry.groups()).extracting(g -> g.node() == null ? null : g.node().ref())
			.containsExactly(null, "region:china", "region:usa");
	}

	@Test
	void the_industry_filter_keeps_what_serves_it_directly_or_through_an_application_built_on_it() {
		Filters finance = new Filters("finance", null, null);
		assertThat(members(all(Section.MODELS, finance))).containsExactly(Map.entry("general/cloud", List.of("spark")),
				Map.entry("industry", List.of("chitu")));
		assertThat(members(all(Section.VENDORS, finance))).containsExactly(Map.entry("institute", List.of("lab")),
				Map.entry("listed", List.of("iflytek")));
		assertThat(members(all(Section.CHIPS_BY_MAKER, finance))).containsExactly(Map.entry("nvidia", List.of("h100")));
	}

	@Test
	void the_region_filter_includes_sub_regions_through_the_vendors_seat_and_the_chip_makers_seat() {
		Filters guangdong = new Filters(null, "guangdong", null);
		assertThat(members(all(Section.MODELS, guangdong))).containsExactly(Map.entry("general/cloud", List.of("pangu")));
		assertThat(members(all(Section.VENDORS, guangdong))).containsExactly(Map.entry("company", List.of("huawei")));
		assertThat(members(all(Section.CHIPS_BY_COUNTRY, guangdong))).containsExactly(Map.entry("china", List.of("ascend")));
		assertThat(members(all(Section.MODELS, new Filters(null, "china", null))))
			.containsExactly(Map.entry("general/cloud", List.of("pangu", "spark")));
	}

	@Test
	void the_document_filter_keeps_what_the_document_mentions() {
		Filters report = new Filters(null, null, "d");
		assertThat(members(all(Section.MODELS, report))).containsExactly(Map.entry("general/cloud", List.of("spark")));
		assertThat(members(all(Section.CHIPS_BY_MAKER, report))).containsExactly(Map.entry("nvidia", List.of("h100")));
		assertThat(all(Section.VENDORS, report).groups()).isEmpty();
		assertThat(queries.documentExists("d")).isTrue();
		assertThat(queries.documentExists("no-such-document")).isFalse();
		assertThat(queries.documentIds()).containsExactly("d");
	}

	@Test
	void the_cap_lists_the_first_cards_counts_the_whole_group_and_says_there_are_more() {
		Group general = queries.groups(Section.MODELS, NONE, 1, 0, 10).groups().getFirst();
		assertThat(general.key()).isEqualTo("general/cloud");
		assertThat(general.count()).isEqualTo(2);
		assertThat(general.items()).extracting(c -> c.node().id()).containsExactly("pangu");
		assertThat(general.more()).isTrue();
	}

	@Test
	void groups_come_a_page_at_a_time_with_the_offset_of_the_next_page() {
		SectionAnswer second = queries.groups(Section.MODELS, NONE, 10, 1, 2);
		assertThat(second.groupCount()).isEqualTo(4);
		assertThat(keys(second)).containsExactly("industry", "private");
		assertThat(second.nextGroupOffset()).isEqualTo(3);
		SectionAnswer last = queries.groups(Section.MODELS, NONE, 10, 3, 2);
		assertThat(keys(last)).containsExactly("unknown");
		assertThat(last.nextGroupOffset()).isNull();
	}

	@Test
	void a_groups_cards_come_a_page_at_a_time_under_the_filters() {
		GroupPage first = queries.page(Section.MODELS, NONE, "general/cloud", 0, 1);
		assertThat(first.section()).isEqualTo("models");
		assertThat(first.group()).isEqualTo("general/cloud");
		assertThat(first.count()).isEqualTo(2);
		assertThat(first.items()).extracting(c -> c.node().id()).containsExactly("pangu");
		assertThat(first.nextOffset()).isEqualTo(1);
		GroupPage rest = queries.page(Section.MODELS, NONE, "general/cloud", 1, 1);
		assertThat(rest.items()).extracting(c -> c.node().id()).containsExactly("spark");
		assertThat(rest.nextOffset()).isNull();
		GroupPage inDocument = queries.page(Section.MODELS, new Filters(null, null, "d"), "general/cloud", 0, 10);
		assertThat(inDocument.count()).isEqualTo(1);
		assertThat(queries.page(Section.CHIPS_BY_COUNTRY, NONE, "unknown", 0, 10).items()).extracting(c -> c.node().id())
			.containsExactly("labchip", "x1");
	}

	@Test
	void the_timeline_orders_policies_and_releases_by_date_keeps_partial_dates_and_leaves_out_the_undated() {
		List<Event> events = queries.timeline(null, null, 100);
		assertThat(events).extracting(e -> e.node().id(), Event::date, Event::month, Event::precision, Event::property)
			.containsExactly(tuple("spark", "2023-05", "2023-05", "month", "releaseDate"),
					tuple("bj-plan", "2023-05-31", "2023-05", "day", "date"),
					tuple("pangu", "2023-07-07", "2023-07", "day", "releaseDate"),
					tuple("gd-plan", "2023-11", "2023-11", "month", "date"),
					tuple("sz-rules", "2024", "2024", "year", "date"));
	}

	@Test
	void a_timeline_event_carries_its_regions_its_developer_and_the_evidence_of_its_date() {
		Event pangu = queries.timeline(null, "model", 100).get(1);
		assertThat(pangu.node().id()).isEqualTo("pangu");
		assertThat(pangu.regions()).extracting(NodeRef::id).containsExactly("shenzhen");
		assertThat(pangu.by().ref()).isEqualTo("vendor:huawei");
		assertThat(pangu.evidence()).containsExactly(Evidence.of("d", "盘古于2023年7月7日发布", "2"));
		Event gdPlan = queries.timeline(null, "policy", 100).get(1);
		assertThat(gdPlan.regions()).extracting(NodeRef::id).containsExactly("guangdong");
		assertThat(gdPlan.by()).isNull();
	}

	@Test
	void the_timeline_filters_by_region_with_its_sub_regions_by_kind_and_stops_at_the_limit() {
		assertThat(queries.timeline("guangdong", null, 100)).extracting(e -> e.node().id())
			.containsExactly("pangu", "gd-plan", "sz-rules");
		assertThat(queries.timeline(null, "policy", 100)).extracting(e -> e.node().id())
			.containsExactly("bj-plan", "gd-plan", "sz-rules");
		assertThat(queries.timeline(null, "model", 100)).extracting(e -> e.node().id()).containsExactly("spark", "pangu");
		assertThat(queries.timeline(null, null, 2)).extracting(e -> e.node().id()).containsExactly("spark", "bj-plan");
	}

	@Test
	void regions_at_a_glance_come_countries_first_and_a_region_holds_what_its_sub_regions_hold() {
		RegionPage page = queries.regions(null, 2, 0, 10);
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.nextOffset()).isNull();
		assertThat(page.regions()).extracting(g -> g.region().id(), RegionGlance::level)
			.containsExactly(tuple("china", "country"), tuple("usa", "country"), tuple("guangdong", "province"),
					tuple("beijing", "city"), tuple("shenzhen", "city"));
		RegionGlance china = page.regions().getFirst();
		assertThat(china.policyCount()).isEqualTo(4);
		assertThat(china.policies()).extracting(d -> d.node().id(), OverviewQueries.Dated::date)
			.containsExactly(tuple("bj-plan", "2023-05-31"), tuple("gd-plan", "2023-11"));
		assertThat(china.vendorCount()).isEqualTo(2);
		assertThat(china.vendors()).extracting(NodeRef::id).containsExactly("huawei", "iflytek");
		assertThat(china.modelCount()).isEqualTo(2);
		assertThat(china.models()).extracting(NodeRef::id).containsExactly("pangu", "spark");
		RegionGlance usa = page.regions().get(1);
		assertThat(usa.vendors()).extracting(NodeRef::id).containsExactly("nvidia");
		assertThat(usa.policyCount()).isZero();
		assertThat(usa.modelCount()).isZero();
	}

	@Test
	void regions_at_a_glance_of_one_region_list_it_first_with_its_parents_then_its_sub_regions_a_page_at_a_time() {
		RegionPage guangdong = queries.regions("guangdong", 0, 0, 10);
		assertThat(guangdong.total()).isEqualTo(2);
		assertThat(guangdong.regions()).extracting(g -> g.region().id()).containsExactly("guangdong", "shenzhen");
		RegionGlance gd = guangdong.regions().getFirst();
		assertThat(gd.parents()).extracting(NodeRef::id).containsExactly("china");
		assertThat(gd.policyCount()).isEqualTo(3);
		assertThat(gd.policies()).isEmpty();
		RegionPage second = queries.regions(null, 0, 1, 2);
		assertThat(second.regions()).extracting(g -> g.region().id()).containsExactly("usa", "guangdong");
		assertThat(second.nextOffset()).isEqualTo(3);
	}

}
