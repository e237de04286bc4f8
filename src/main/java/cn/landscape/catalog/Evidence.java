package cn.landscape.catalog;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Value;

/** Where a fact was read: the document and a verbatim quote from it. */
public record Evidence(String documentId, String quote, String section) {

	/** Reads the parallel evidence lists the loader writes on every relationship. */
	public static List<Evidence> of(Value relationship) {
		if (relationship == null || relationship.isNull()) {
			return List.of();
		}
		List<String> docs = relationship.get("evidenceDocs").asList(Value::asString, List.of());
		List<String> quotes = relationship.get("evidenceQuotes").asList(Value::asString, List.of());
		List<String> sections = relationship.get("evidenceSections").asList(Value::asString, List.of());
		List<Evidence> evidence = new ArrayList<>(docs.size());
		for (int i = 0; i < docs.size(); i++) {
			String section = i < sections.size() && !sections.get(i).isEmpty() ? sections.get(i) : null;
			evidence.add(new Evidence(docs.get(i), quotes.get(i), section));
		}
		return evidence;
	}

}
