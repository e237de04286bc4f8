package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.error.YAMLException;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;

/**
 * The curators' word on identity, {@code graph-seed/sources/resolution.yaml}: the organisation suffixes that
 * do not change what a name denotes, and pairs (or groups) of names that are the same thing, or are not,
 * each with its name and reason. A curator's line overrides every rule.
 */
record Resolution(List<String> organisationSuffixes, List<Decision> same, List<Decision> notSame) {

	static final String FILE = "sources/resolution.yaml";

	static final Resolution NONE = new Resolution(List.of(), List.of(), List.of());

	/** One curator line: the names (as the sources write them) of one kind, and why. */
	record Decision(String name, Kind kind, List<String> names, String reason) {

		boolean names(Kind k, String key) {
			return kind == k && names.stream().anyMatch(n -> Names.normalize(n).equals(key));
		}
	}

	static Resolution read(Path seedDir, List<SeedError> errors) {
		Path path = seedDir.resolve(FILE);
		if (!Files.exists(path)) {
			return NONE;
		}
		Object yaml;
		try {
			yaml = SeedFiles.yaml(SeedFiles.readUtf8(path));
		}
		catch (IOException | YAMLException ex) {
			errors.add(new SeedError(FILE, "-", null, "cannot be read: " + ex.getMessage().replace('\n', ' ')));
			return NONE;
		}
		if (!(yaml instanceof Map<?, ?> map)) {
			errors.add(new SeedError(FILE, "-", null, "must be a mapping of organisationSuffixes, same and notSame"));
			return NONE;
		}
		for (Object key : map.keySet()) {
			if (!Set.of("organisationSuffixes", "same", "notSame").contains(String.valueOf(key))) {
				errors.add(new SeedError(FILE, "-", String.valueOf(key), "unknown field; allowed: organisationSuffixes, same, notSame"));
			}
		}
		List<String> suffixes = map.get("organisationSuffixes") instanceof List<?> list
				? list.stream().map(s -> Names.normalize(String.valueOf(s))).filter(s -> !s.isEmpty()).toList() : List.of();
		return new Resolution(suffixes, decisions(map.get("same"), "same", errors),
				decisions(map.get("notSame"), "notSame", errors));
	}

	private static List<Decision> decisions(Object raw, String field, List<SeedError> errors) {
		List<Decision> decisions = new ArrayList<>();
		if (!(raw instanceof List<?> list)) {
			if (raw != null) {
				errors.add(new SeedError(FILE, "-", field, "must be a list of {name, kind, names, reason}"));
			}
			return decisions;
		}
		int index = 0;
		for (Object item : list) {
			index++;
			String where = field + " #" + index;
			if (!(item instanceof Map<?, ?> map)) {
				errors.add(new SeedError(FILE, where, null, "must be {name, kind, names, reason}"));
				continue;
			}
			String name = SeedReader.string(map.get("name"));
			where = field + " " + (name == null ? "#" + index : name);
			Kind kind = Kind.fromKey(SeedReader.string(map.get("kind"))).orElse(null);
			List<String> names = map.get("names") instanceof List<?> n
					? n.stream().map(SeedReader::string).filter(s -> s != null && !s.isBlank()).toList() : List.of();
			String reason = SeedReader.string(map.get("reason"));
			if (name == null || kind == null || names.size() < 2 || reason == null || reason.isBlank()) {
				errors.add(new SeedError(FILE, where, null,
						"needs a name, a kind, at least two names and the reason in words"));
				continue;
			}
			decisions.add(new Decision(name, kind, names, reason));
		}
		return decisions;
	}

}
