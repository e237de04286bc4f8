package cn.landscape.document;

import java.util.List;

import cn.landscape.entity.Kind;

/**
 * A known name found in the text. {@code ref} is the entity it names, or null when the name is an alias
 * of several entities and the context could not decide: then {@code candidates} lists them.
 */
record Mention(String ref, Kind kind, String name, String surface, int start, int end, int sentence,
		List<String> candidates) {

	boolean ambiguous() {
		return ref == null;
	}

}
