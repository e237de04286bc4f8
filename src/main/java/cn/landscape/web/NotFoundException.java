package cn.landscape.web;

import java.util.List;

/** A reference that names nothing: answered 404 with the closest names. */
public class NotFoundException extends RuntimeException {

	private final String ref;

	private final List<String> suggestions;

	public NotFoundException(String what, String ref, List<String> suggestions) {
		super("No " + what + " matches '" + ref + "'."
				+ (suggestions.isEmpty() ? " Search with GET /api/search?q=… to find names."
						: " Closest names: " + String.join(", ", suggestions) + "."));
		this.ref = ref;
		this.suggestions = List.copyOf(suggestions);
	}

	public String ref() {
		return ref;
	}

	public List<String> suggestions() {
		return suggestions;
	}

}
