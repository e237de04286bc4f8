package cn.landscape.seed;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/**
 * A source's {@code mapping.yaml}, read and checked by {@link SourceMappings}: which rows to take, and which
 * columns become entities, properties and relationships. The format is documented in graph-seed/README.md.
 */
record SourceMapping(SourceTable.Format format, String file, String key, List<Take> take, Set<String> blank,
		List<EntitySpec> entities, List<RelationSpec> relations) {

	/**
	 * A rule that takes a row: a cell that {@code equals} a value, a list cell that {@code contains} an item,
	 * or a row whose key a taken row names in the column {@code referencedBy} (a base model, say).
	 */
	record Take(String name, String column, String equals, String contains, String referencedBy) {
	}

	/**
	 * The entities a column names. {@code list}: the separator of a cell that names several. {@code create}:
	 * false when the column may only name entities the graph already has (regions, industries). {@code values}:
	 * a cell's spelling to the name it stands for. {@code compound}: a cell that joins two names of the kind
	 * (浙江杭州) stands for the second when it is known, else for the first.
	 */
	record EntitySpec(String name, Kind kind, String column, String list, Cells.Parse parse, boolean create,
			Map<String, String> values, boolean compound, List<PropSpec> props) {
	}

	/**
	 * A property read from a column and parsed; {@code values} maps a cell to the stored value, and
	 * {@code otherwise} is the value of any other non-blank cell (null: the cell's own value).
	 */
	record PropSpec(String property, String column, Cells.Parse parse, Map<String, String> values, String otherwise) {
	}

	record RelationSpec(String name, RelType type, String from, String to, List<PropSpec> props) {
	}

}
