package cn.landscape.chip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;
import cn.landscape.web.WarmupStatements;

/**
 * Every statement the chip dependents may run: a chip takes one way per kind, so one sample plans a few of
 * them, and at a million nodes a cold plan of another took a user's first ask several hundred ms. The page
 * of dependents is bound in three list sizes (Neo4j keeps a plan per magnitude of a list parameter). A graph
 * with fewer relationships than a walk reads ids (the real seed) only ever takes the plain form: the others
 * are left out.
 */
@Component
class ChipStatements implements WarmupStatements {

	private final Neo4jClient client;

	private final int maxRows;

	ChipStatements(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	@Override
	public List<Statement> statements(List<String> ids) {
		// An estimate counts relationships into the chip's reach, never more than the graph holds
		long relationships = client.query("MATCH ()-[r]->() RETURN count(r) AS n").fetchAs(Long.class).one().orElse(0L);
		List<Statement> statements = new ArrayList<>();
		ids.forEach(id -> statements.addAll(relationships < ChipQueries.WALK ? plain(parameters(id)) : all(id)));
		return statements;
	}

	private Map<String, Object> parameters(String id) {
		return ChipQueries.parameters(id, maxRows, ChipQueries.WALK);
	}

	/** The estimate and the plain form: all a chip of a small graph runs. */
	private static List<Statement> plain(Map<String, Object> parameters) {
		return List.of(new Statement(ChipQueries.ESTIMATE, parameters), new Statement(ChipQueries.DEPENDENTS, parameters));
	}

	/** Those, each kind's two ways, and the page in each list size. */
	List<Statement> all(String id) {
		Map<String, Object> parameters = parameters(id);
		List<Statement> statements = new ArrayList<>(plain(parameters));
		for (ChipQueries.DependentKind kind : ChipQueries.DEPENDENT_KINDS) {
			statements.add(new Statement(kind.walk(), parameters));
			statements.add(new Statement(kind.expand(), parameters));
		}
		for (int size = 10; size < maxRows * 10; size *= 10) {
			statements.add(new Statement(ChipQueries.DEPENDENTS_PAGE,
					Map.of("id", id, "deps", Collections.nCopies(Math.min(size, maxRows), id))));
		}
		return statements;
	}

}
