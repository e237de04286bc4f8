package cn.landscape.web;

import java.util.List;
import java.util.Map;

/**
 * Statements a feature runs only for some data, so that the warm-up's one sample per question cannot reach
 * them all. {@link QueryWarmup} runs each, bound to ids that name nothing, so that they read little.
 */
public interface WarmupStatements {

	/** A statement with parameters of the types and sizes the feature binds. */
	record Statement(String cypher, Map<String, Object> parameters) {
	}

	/** The statements bound to each of {@code ids}, which name nothing; lists of ids as lists of one. */
	List<Statement> statements(List<String> ids);

}
