package cn.landscape.chip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;
import cn.landscape.web.WarmupStatements;

/**
 * Every statement the chip dependents may run: a chip takes one way per kind, so one sample plans a few of
 * them, and at a million nodes a cold plan of another took a user's first ask several hundred ms. The page
 * of dependents is bound in three list sizes (Neo4j keeps a plan per magnitude of a list parameter).
 */
@Component
class ChipStatements implements WarmupStatements {

	private final int maxRows;

	ChipStatements(LandscapeProperties properties) {
		this.maxRows = properties.query().maxRows();
	}

	@Override
	public List<Statement> statements(String id) {
		Map<String, Object> parameters = Map.of("id", id, "walk", ChipQueries.WALK, "maxRows", maxRows);
		List<Statement> statements = new ArrayList<>(List.of(new Statement(ChipQueries.ESTIMATE, parameters),
				new Statement(ChipQueries.DEPENDENTS, parameters)));
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
