package cn.landscape.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Policies by region (with its sub-regions), by date of any precision, and by issuer. */
@DataNeo4jTest
@Import(PolicyQueries.class)
class PolicyQueriesTest {

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (gd:Region:Entity {id: 'guangdong', name: '广东'})
			CREATE (sz:Region:Entity {id: 'shenzhen', name: '深圳'})
			CREATE (ns:Region:Entity {id: 'nanshan', name: '南山'})
			CREATE (bj:Region:Entity {id: 'beijing', name: '北京'})
			CREATE (sz)-[:PART_OF {evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(gd)
			CREATE (ns)-[:PART_OF {evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(sz)
			CREATE (gov:Body:Entity {id: 'sz-gov', name: '深圳市人民政府'})
			CREATE (a:Policy:Entity {id: 'gd-plan', name: '广东方案', date: '2023-11'})
			CREATE (b:Policy:Entity {id: 'sz-measures', name: '深圳措施', date: '2023-05-31'})
			CREATE (c:Policy:Entity {id: 'ns-plan', name: '南山计划', date: '2024'})
			CREATE (d:Policy:Entity {id: 'bj-plan', name: '北京方案', date: '2023-05'})
			CREATE (e:Policy:Entity {id: 'sz-undated', name: '深圳意见'})
			CREATE (a)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['广东省'], evidenceSections: ['']}]->(gd)
			CREATE (b)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['深圳市'], evidenceSections: ['']}]->(sz)
			CREATE (c)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['南山区'], evidenceSections: ['']}]->(ns)
			CREATE (d)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['北京市'], evidenceSections: ['']}]->(bj)
			CREATE (e)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['深圳市'], evidenceSections: ['']}]->(sz)
			CREATE (b)-[:ISSUED_BY {evidenceDocs: ['d'], evidenceQuotes: ['深圳市人民政府印发'], evidenceSections: ['']}]->(gov)
			CREATE (doc:Document:Entity {id: 'd', name: '文档'})
			CREATE (doc)-[:MENTIONS {evidenceDocs: ['d'], evidenceQuotes: ['《深圳措施》'], evidenceSections: ['3']}]->(b)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	PolicyQueries queries;

	@Test
	void a_region_includes_its_sub_regions_down_the_levels_and_undated_policies_come_last() {
		assertThat(queries.policies("guangdong", null, null, null, 100)).extracting(PolicyQueries.PolicyItem::id)
			.containsExactly("sz-measures", "gd-plan", "ns-plan", "sz-undated");
		assertThat(queries.policies("shenzhen", null, null, null, 100)).extracting(PolicyQueries.PolicyItem::id)
			.containsExactly("sz-measures", "ns-plan", "sz-undated");
	}

	@Test
	void a_month_bound_holds_the_days_of_that_month_and_a_coarser_date_inside_it_while_undated_policies_drop_out() {
		assertThat(queries.policies(null, "2023-05", "2023-05", null, 100)).extracting(PolicyQueries.PolicyItem::id)
			.containsExactly("bj-plan", "sz-measures");
		assertThat(queries.policies(null, "2024-03", null, null, 100)).extracting(PolicyQueries.PolicyItem::id)
			.containsExactly("ns-plan");
	}

	@Test
	void an_issuer_filter_keeps_its_policies_with_issuer_region_and_mention_evidence() {
		var policies = queries.policies(null, null, null, "sz-gov", 100);
		assertThat(policies).extracting(PolicyQueries.PolicyItem::id).containsExactly("sz-measures");
		var policy = policies.getFirst();
		assertThat(policy.issuers()).extracting(l -> l.node().id()).containsExactly("sz-gov");
		assertThat(policy.issuers().getFirst().evidence().getFirst().quote()).isEqualTo("深圳市人民政府印发");
		assertThat(policy.regions()).extracting(l -> l.node().id()).containsExactly("shenzhen");
		assertThat(policy.evidence()).extracting(e -> e.quote()).containsExactly("《深圳措施》");
	}

	@Test
	void the_limit_cuts_the_date_ordered_list() {
		assertThat(queries.policies(null, null, null, null, 2)).extracting(PolicyQueries.PolicyItem::id)
			.containsExactly("bj-plan", "sz-measures");
	}

}
