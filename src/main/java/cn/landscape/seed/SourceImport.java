package cn.landscape.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.evidence.Evidence;

/**
 * Applies one source's mapping to its rows: takes the rows the mapping asks for, resolves every name through
 * the {@link EntityIndex}, and gives each entity, property and relationship the row's cells as its evidence.
 * A row with a cell that does not parse, or with a key seen before, is skipped whole and reported.
 */
final class SourceImport {

	private final String source;

	private final int rank;

	private final SourceMapping mapping;

	private final EntityIndex index;

	private final SourceRelations relations;

	private final List<SourceReport.Merge> merges = new ArrayList<>();

	private final Set<String> merged = new HashSet<>();

	final List<SourceReport.Skip> skipped = new ArrayList<>();

	int created;

	int rowsTaken;

	/** The key of every row used and a hash of its cells, so that the next snapshot's diff can be shown. */
	final Map<String, String> rowHashes = new LinkedHashMap<>();

	SourceImport(String source, int rank, SourceMapping mapping, EntityIndex index, SourceRelations relations) {
		this.source = source;
		this.rank = rank;
		this.mapping = mapping;
		this.index = index;
		this.relations = relations;
	}

	List<SourceReport.Merge> merges() {
		return merges;
	}

	void apply(SourceTable table) {
		Map<String, String> seenKeys = new HashMap<>();
		List<SourceTable.Row> unique = new ArrayList<>();
		for (SourceTable.Row row : table.rows()) {
			String key = row.cell(mapping.key());
			if (key.isEmpty()) {
				skipped.add(new SourceReport.Skip(row.line(), "no key in column '" + mapping.key() + "'"));
				continue;
			}
			String first = seenKeys.putIfAbsent(key, row.line());
			if (first != null) {
				skipped.add(new SourceReport.Skip(row.line(), "duplicate key '" + key + "' (first at " + first + ")"));
				continue;
			}
			unique.add(row);
		}
		for (SourceTable.Row row : taken(unique)) {
			rowsTaken++;
			List<String> problems = problems(row);
			if (!problems.isEmpty()) {
				skipped.add(new SourceReport.Skip(row.line() + " (" + row.cell(mapping.key()) + ")",
						String.join("; ", problems)));
				continue;
			}
			applyRow(row);
			rowHashes.put(row.cell(mapping.key()), java.util.HexFormat.of()
				.formatHex(SeedFiles.sha256(new java.util.TreeMap<>(row.cells()).toString()), 0, 8));
		}
	}

	private List<SourceTable.Row> taken(List<SourceTable.Row> rows) {
		if (mapping.take().isEmpty()) {
			return rows;
		}
		Set<SourceTable.Row> taken = new LinkedHashSet<>();
		for (SourceTable.Row row : rows) {
			for (SourceMapping.Take rule : mapping.take()) {
				if (rule.equals() != null && row.cell(rule.column()).equals(rule.equals())
						|| rule.contains() != null && Cells.split(row.cell(rule.column()), ",").contains(rule.contains())) {
					taken.add(row);
				}
			}
		}
		Set<String> referenced = new HashSet<>();
		mapping.take().stream().filter(t -> t.referencedBy() != null).forEach(t -> taken
			.forEach(row -> referenced.addAll(Cells.split(row.cell(t.referencedBy()), ","))));
		rows.stream().filter(row -> referenced.contains(row.cell(mapping.key()))).forEach(taken::add);
		return rows.stream().filter(taken::contains).toList();
	}

	/** Every cell of the row the mapping parses, checked before anything of the row is used. */
	private List<String> problems(SourceTable.Row row) {
		List<String> problems = new ArrayList<>();
		for (SourceMapping.EntitySpec entity : mapping.entities()) {
			for (SourceMapping.PropSpec prop : entity.props()) {
				List<String> cells = prop.column().equals(entity.column())
						? Cells.split(row.cell(prop.column()), entity.list()) : List.of(row.cell(prop.column()));
				cells.forEach(cell -> check(prop, cell, problems));
			}
		}
		mapping.relations().forEach(r -> r.props().forEach(prop -> check(prop, row.cell(prop.column()), problems)));
		return problems;
	}

	private void check(SourceMapping.PropSpec prop, String cell, List<String> problems) {
		if (!blank(cell) && prop.values().isEmpty() && prop.otherwise() == null) {
			Cells.Parsed parsed = Cells.parse(cell, prop.parse());
			if (!parsed.ok()) {
				problems.add("column '" + prop.column() + "': " + parsed.why());
			}
		}
	}

	private void applyRow(SourceTable.Row row) {
		String key = row.cell(mapping.key());
		Map<String, List<SourceDraft>> ends = new LinkedHashMap<>();
		for (SourceMapping.EntitySpec spec : mapping.entities()) {
			List<SourceDraft> drafts = new ArrayList<>();
			for (String item : Cells.split(row.cell(spec.column()), spec.list())) {
				String name = String.valueOf(Cells.parse(item, spec.parse()).value());
				name = spec.values().getOrDefault(name, name);
				if (blank(name)) {
					continue;
				}
				SourceDraft draft = resolve(spec, name, row);
				if (draft == null) {
					continue;
				}
				drafts.add(draft);
				draft.mentioned(Evidence.ofRow(source, key, cells(row, spec.column())));
				spec.props().forEach(prop -> claim(draft, prop, row, spec.column(),
						prop.column().equals(spec.column()) ? item : row.cell(prop.column())));
			}
			ends.put(spec.name(), drafts);
		}
		for (SourceMapping.RelationSpec rel : mapping.relations()) {
			SourceMapping.EntitySpec from = spec(rel.from());
			SourceMapping.EntitySpec to = spec(rel.to());
			Map<String, Object> props = new LinkedHashMap<>();
			List<String> columns = new ArrayList<>(List.of(from.column(), to.column()));
			for (SourceMapping.PropSpec prop : rel.props()) {
				Object value = value(prop, row.cell(prop.column()));
				if (value != null) {
					props.put(prop.property(), value);
					columns.add(prop.column());
				}
			}
			for (SourceDraft a : ends.get(rel.from())) {
				for (SourceDraft b : ends.get(rel.to())) {
					if (a == b) {
						skipped.add(new SourceReport.Skip(row.line() + " (" + key + ")", rel.name() + ": "
								+ a.ref() + " would be linked to itself"));
						continue;
					}
					relations.add(rel.type(), a, b, Evidence.ofRow(source, key, cells(row, columns.toArray(String[]::new))),
							props);
				}
			}
		}
	}

	private SourceDraft resolve(SourceMapping.EntitySpec spec, String name, SourceTable.Row row) {
		EntityIndex.Match match = index.find(spec.kind(), name, spec.compound());
		if (match.draft() != null) {
			if (merged.add(spec.kind() + "|" + name)
					&& (match.draft().fromSeed() || !match.rule().equals("name") || !match.draft().name().equals(name))) {
				merges.add(new SourceReport.Merge(name, match.draft().ref(), match.rule()));
			}
			if (!match.rule().startsWith("compound")) {
				index.merged(match.draft(), name);
			}
			return match.draft();
		}
		if (!spec.create()) {
			skipped.add(new SourceReport.Skip(row.line() + " (" + row.cell(mapping.key()) + ")", spec.name() + ": no "
					+ spec.kind().key() + " is named '" + name + "', and this column may only name existing ones"));
			return null;
		}
		created++;
		if (match.kept() != null) {
			merges.add(new SourceReport.Merge(name, "(new: kept apart by curator line " + match.kept() + ")", "not-same"));
		}
		merged.add(spec.kind() + "|" + name);
		return index.create(spec.kind(), name);
	}

	/** {@code cell}: the property's cell, or the entity's own item of a list cell when the property reads that. */
	private void claim(SourceDraft draft, SourceMapping.PropSpec prop, SourceTable.Row row, String nameColumn,
			String cell) {
		Object value = value(prop, cell);
		if (value != null) {
			draft.claim(prop.property(), new SourceDraft.Claim(value,
					Evidence.ofRow(source, row.cell(mapping.key()), cells(row, nameColumn, prop.column())), rank));
		}
	}

	/** The value of a property's cell: mapped, or otherwise, or parsed; null for a blank cell. */
	private Object value(SourceMapping.PropSpec prop, String cell) {
		if (blank(cell)) {
			return null;
		}
		if (prop.values().containsKey(cell)) {
			return prop.values().get(cell);
		}
		if (prop.otherwise() != null) {
			return prop.otherwise();
		}
		return Cells.parse(cell, prop.parse()).value();
	}

	private Map<String, String> cells(SourceTable.Row row, String... columns) {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put(mapping.key(), row.cell(mapping.key()));
		for (String column : columns) {
			cells.put(column, row.cell(column));
		}
		return cells;
	}

	private SourceMapping.EntitySpec spec(String name) {
		return mapping.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
	}

	private boolean blank(String cell) {
		return cell == null || mapping.blank().contains(cell.strip());
	}

}
