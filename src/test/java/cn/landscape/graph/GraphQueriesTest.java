package cn.landscape.graph;

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
import cn.landscape.graph.GraphQueries.GraphNode;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Neighbourhoods, shortest connections, counts and documents on a chain vendor - model - chip - policy. */
@DataNeo4jTest
@EnableConfigurationProperties(LandscapeProperties.class)
@Import(GraphQueries.class)
class GraphQueriesTest {

	private static final NodeRef SPARK = new NodeRef("spark", "model", "model:spark", "星火", null);

	private static final NodeRef CONTROL = new NodeRef("control", "policy", "policy:control", "管制", null);

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (v:Vendor:Entity {id: 'iflytek', name: '科大讯飞'})
			CREATE (m:Model:Entity {id: 'spark', name: '星火'})
			CREATE (c:Chip:Entity {id: 'a100', name: 'A100'})
			CREATE (p:Policy:Entity {id: 'control', name: '管制'})
			CREATE (i:Industry:Entity {id: 'finance', name: '金融'})
			CREATE (d:Document:Entity {id: 'report', name: '报告', publisher: '研究院', date: '2024-03'})
			CREATE (v)-[:DEVELOPS]->(m)
			CREATE (m)-[:TRAINED_ON]->(c)
			CREATE (p)-[:RESTRICTS]->(c)
			CREATE (m)-[:SERVES]->(i)
			CREATE (d)-[:MENTIONS]->(v)
			CREATE (d)-[:MENTIONS]->(p)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	GraphQueries queries;

	@Test
	void a_neighbourhood_grows_with_the_depth_and_never_goes_through_a_document() {
		var one = queries.neighbourhood(SPARK, 1, 50);
		assertThat(one.focus().id()).isEqualTo("model:spark");
		assertThat(one.nodes()).extracting(GraphNode::id)
			.containsExactlyInAnyOrder("model:spark", "vendor:iflytek", "chip:a100", "industry:finance");
		assertThat(one.edges()).hasSize(3);
		assertThat(one.truncated()).isFalse();
		assertThat(queries.neighbourhood(SPARK, 2, 50).nodes()).extracting(GraphNode::id)
			.contains("policy:control")
			.doesNotContain("document:report");
	}

	@Test
	void a_neighbourhood_over_the_limit_keeps_the_focus_and_says_it_is_truncated() {
		var cut = queries.neighbourhood(SPARK, 2, 2);
		assertThat(cut.nodes()).hasSize(2).extracting(GraphNode::id).contains("model:spark");
		assertThat(cut.truncated()).isTrue();
	}

	@Test
	void the_shortest_connection_is_found_within_the_depth_and_not_beyond_it() {
		var paths = queries.paths(SPARK, CONTROL, 2);
		assertThat(paths).hasSize(1);
		assertThat(paths.getFirst().hops()).extracting(h -> h.type()).containsExactly("TRAINED_ON", "RESTRICTS");
		assertThat(queries.paths(SPARK, CONTROL, 1)).isEmpty();
	}

	@Test
	void stats_count_every_kind_and_type_and_documents_count_their_mentions() {
		var stats = queries.stats();
		assertThat(stats.nodes()).containsEntry("model", 1L).containsEntry("document", 1L);
		assertThat(stats.relationships()).containsEntry("MENTIONS", 2L).containsEntry("DEVELOPS", 1L);
		assertThat(stats.totalNodes()).isEqualTo(6);
		assertThat(stats.totalRelationships()).isEqualTo(6);
		assertThat(queries.documents()).singleElement()
			.satisfies(d -> assertThat(d.mentions()).isEqualTo(2))
			.satisfies(d -> assertThat(d.publisher()).isEqualTo("研究院"));
	}

}
