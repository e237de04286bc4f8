package cn.landscape.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;

/**
 * What a newer snapshot would change, before a load applies it: each source's rows in graph-seed/ against the
 * rows the stored graph was loaded from (each load keeps their keys and a hash of their cells on the source's
 * Document node). A row is added, changed (a cell differs) or removed.
 */
@Component
public class SourceDiffs {

	static final String ROW_KEYS = "rowKeys";

	static final String ROW_HASHES = "rowHashes";

	private static final String STORED = """
			MATCH (d:Document) WHERE d.kind = 'dataset'
			RETURN d.id AS id, d.date AS snapshot, coalesce(d.rowKeys, []) AS keys, coalesce(d.rowHashes, []) AS hashes
			""";

	private final Driver driver;

	SourceDiffs(Driver driver) {
		this.driver = driver;
	}

	/** One source's diff; a source new to the graph has every row added, one gone from graph-seed/ every row removed. */
	public record SourceDiff(String source, String storedSnapshot, String snapshot, List<String> added,
			List<String> changed, List<String> removed) {

		public boolean unchanged() {
			return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
		}
	}

	public List<SourceDiff> diff(SeedModel seed) {
		Map<String, Entity> current = new LinkedHashMap<>();
		seed.entities()
			.stream()
			.filter(e -> e.kind() == Kind.DOCUMENT && e.props().containsKey(ROW_KEYS))
			.forEach(e -> current.put(e.id(), e));
		Map<String, Record> stored = new LinkedHashMap<>();
		driver.executableQuery(STORED).execute().records().forEach(r -> stored.put(r.get("id").asString(), r));
		List<SourceDiff> diffs = new ArrayList<>();
		current.forEach((id, doc) -> diffs.add(diff(id, stored.get(id), doc)));
		stored.forEach((id, record) -> {
			if (!current.containsKey(id)) {
				diffs.add(new SourceDiff(id, record.get("snapshot").asString(null), null, List.of(), List.of(),
						record.get("keys").asList(Value::asString)));
			}
		});
		return diffs;
	}

	private static SourceDiff diff(String id, Record stored, Entity doc) {
		Map<String, String> now = rows(list(doc.props().get(ROW_KEYS).value()), list(doc.props().get(ROW_HASHES).value()));
		Map<String, String> before = stored == null ? Map.of()
				: rows(stored.get("keys").asList(Value::asString), stored.get("hashes").asList(Value::asString));
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		now.forEach((key, hash) -> {
			if (!before.containsKey(key)) {
				added.add(key);
			}
			else if (!Objects.equals(before.get(key), hash)) {
				changed.add(key);
			}
		});
		List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).toList();
		Object snapshot = doc.props().containsKey("date") ? doc.props().get("date").value() : null;
		return new SourceDiff(id, stored == null ? null : stored.get("snapshot").asString(null),
				snapshot == null ? null : String.valueOf(snapshot), added, changed, removed);
	}

	private static Map<String, String> rows(List<String> keys, List<String> hashes) {
		Map<String, String> rows = new HashMap<>();
		for (int i = 0; i < keys.size() && i < hashes.size(); i++) {
			rows.put(keys.get(i), hashes.get(i));
		}
		return rows;
	}

	private static List<String> list(Object value) {
		return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
	}

}
