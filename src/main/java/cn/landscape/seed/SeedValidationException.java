package cn.landscape.seed;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is written; lists every error found. */
public class SeedValidationException extends RuntimeException {

	private final List<SeedError> errors;

	public SeedValidationException(List<SeedError> errors) {
		super(errors.size() + " error(s) in the seed, nothing was written:\n"
				+ errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<SeedError> errors() {
		return errors;
	}

}
