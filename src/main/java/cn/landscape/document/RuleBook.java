package cn.landscape.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/**
 * The rules kept as data in src/main/resources/rules/, one file per family, every entry with its name and
 * confidence. Read once and checked whole: a file that does not parse, or an entry with a bad field, fails
 * with the file and the entry named, so that the service does not start on rules it cannot read.
 */
final class RuleBook {

	static final List<String> FILES = List.of("names", "gazetteer", "contexts", "triggers", "stoplists");

	/**
	 * A regular expression that finds names of one kind; {@code kind} null: decided by the context, and
	 * {@code otherwise} when no context decides (null: the name is dropped). {@code requires}: words one of
	 * which a sentence must hold for the pattern to be tried there (empty: always tried).
	 */
	record Shape(String name, double confidence, Kind kind, Kind otherwise, Pattern pattern, List<String> requires) {

		boolean triedOn(String sentence) {
			return requires.isEmpty() || requires.stream().anyMatch(sentence::contains);
		}
	}

	/** Names known to be of a kind though the graph does not hold them yet. */
	record Gazetteer(String name, double confidence, Kind kind, List<String> names) {
	}

	/** Words near a name that give it its kind. */
	record Context(String name, double confidence, Kind kind, Pattern pattern) {
	}

	/**
	 * A fact as a pattern over the sentence in which every found name stands as a slot: {@code {from:vendor}}
	 * and {@code {to:model|chip}} are the two ends, {@code ~} a short gap that crosses no other name.
	 */
	record Trigger(String name, double confidence, RelType type, Set<Kind> from, Set<Kind> to, Pattern pattern) {
	}

	/** Words that look like names, forms that must match exactly, or words that stand for a name of {@code kinds}. */
	record Stop(String name, double confidence, List<String> words, Pattern pattern, List<Kind> kinds) {
	}

	private final List<Shape> shapes = new ArrayList<>();

	private final List<Gazetteer> gazetteers = new ArrayList<>();

	private final List<Context> contexts = new ArrayList<>();

	private final List<Trigger> triggers = new ArrayList<>();

	private final List<Stop> stops = new ArrayList<>();

	private static final class Holder {

		static final RuleBook STANDARD = load();

	}

	private RuleBook() {
	}

	/** The rules on the class path, read on first use (and at start-up, by {@link RuleBookCheck}). */
	static RuleBook standard() {
		return Holder.STANDARD;
	}

	List<Shape> shapes() {
		return shapes;
	}

	List<Gazetteer> gazetteers() {
		return gazetteers;
	}

	List<Context> contexts() {
		return contexts;
	}

	List<Trigger> triggers() {
		return triggers;
	}

	Stop stop(String name) {
		return stops.stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow(() -> new IllegalStateException("rules/stoplists.yaml: no entry " + name));
	}

	static RuleBook load() {
		RuleBook book = new RuleBook();
		for (String file : FILES) {
			String path = "rules/" + file + ".yaml";
			try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					throw new IllegalStateException(path + ": missing from the class path");
				}
				book.read(path, file, new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
			}
			catch (IOException | RuntimeException e) {
				throw e instanceof IllegalStateException ise && ise.getMessage().startsWith(path) ? ise
						: new IllegalStateException(path + ": " + e.getMessage(), e);
			}
		}
		return book;
	}

	@SuppressWarnings("unchecked")
	void read(String path, String family, Object yaml) {
		if (!(yaml instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> entries)) {
			throw new IllegalStateException(path + ": expected a map with a list 'rules'");
		}
		Set<String> names = new HashSet<>();
		int n = 0;
		for (Object o : entries) {
			n++;
			if (!(o instanceof Map<?, ?> raw)) {
				throw new IllegalStateException(path + ": entry " + n + " is not a map");
			}
			Entry e = new Entry(path, n, (Map<String, Object>) raw);
			if (!names.add(e.name)) {
				throw e.fail("name repeated");
			}
			switch (family) {
				case "names" -> shapes.add(new Shape(e.name, e.confidence, e.optionalKind("kind"), e.optionalKind("otherwise"),
						e.pattern("pattern"), e.raw.containsKey("requires") ? e.words("requires") : List.of()));
				case "gazetteer" -> gazetteers.add(new Gazetteer(e.name, e.confidence, e.kind(), e.words("names")));
				case "contexts" -> contexts.add(new Context(e.name, e.confidence, e.kind(), e.pattern("pattern")));
				case "triggers" -> triggers.add(e.trigger());
				case "stoplists" -> stops.add(new Stop(e.name, e.confidence, e.words("words"),
						e.raw.containsKey("pattern") ? e.pattern("pattern") : null, e.kinds()));
				default -> throw new IllegalStateException(path + ": unknown family " + family);
			}
		}
	}

	/** One entry being read, to name it in any error. */
	private static final class Entry {

		private final String path;

		private final Map<String, Object> raw;

		private final String name;

		private final double confidence;

		Entry(String path, int n, Map<String, Object> raw) {
			this.path = path;
			this.raw = raw;
			this.name = raw.get("name") instanceof String s && !s.isBlank() ? s : null;
			if (name == null) {
				throw new IllegalStateException(path + ": entry " + n + " has no name");
			}
			if (!(raw.get("confidence") instanceof Number c) || c.doubleValue() <= 0 || c.doubleValue() > 1) {
				throw fail("confidence must be a number in (0, 1]");
			}
			this.confidence = ((Number) raw.get("confidence")).doubleValue();
		}

		IllegalStateException fail(String why) {
			return new IllegalStateException(path + ": entry " + name + ": " + why);
		}

		Kind kind() {
			Kind k = optionalKind("kind");
			if (k == null) {
				throw fail("kind is required");
			}
			return k;
		}

		Kind optionalKind(String field) {
			Object k = raw.get(field);
			return k == null ? null : Kind.fromKey(String.valueOf(k)).orElseThrow(() -> fail("unknown kind " + k));
		}

		Pattern pattern(String field) {
			if (!(raw.get(field) instanceof String p) || p.isEmpty()) {
				throw fail(field + " is required");
			}
			try {
				return Pattern.compile(p);
			}
			catch (PatternSyntaxException ex) {
				throw fail(field + " does not compile: " + ex.getDescription());
			}
		}

		List<Kind> kinds() {
			if (!raw.containsKey("kinds")) {
				return List.of();
			}
			return words("kinds").stream().map(k -> Kind.fromKey(k).orElseThrow(() -> fail("unknown kind " + k))).toList();
		}

		List<String> words(String field) {
			if (!(raw.get(field) instanceof List<?> list) || list.isEmpty()) {
				throw fail(field + " must be a non-empty list");
			}
			return list.stream().map(String::valueOf).toList();
		}

		Trigger trigger() {
			RelType type;
			try {
				type = RelType.valueOf(String.valueOf(raw.get("type")));
			}
			catch (IllegalArgumentException ex) {
				throw fail("unknown relation type " + raw.get("type"));
			}
			String template = raw.get("pattern") instanceof String p ? p : null;
			if (template == null) {
				throw fail("pattern is required");
			}
			Set<Kind> from = slot(template, "from", type.from());
			Set<Kind> to = slot(template, "to", type.to());
			try {
				return new Trigger(name, confidence, type, from, to, Pattern.compile(Slots.compile(template)));
			}
			catch (PatternSyntaxException ex) {
				throw fail("pattern does not compile: " + ex.getDescription());
			}
		}

		private Set<Kind> slot(String template, String end, Set<Kind> allowed) {
			java.util.regex.Matcher m = Pattern.compile("\\{" + end + ":([a-z|]+)}").matcher(template);
			if (!m.find()) {
				throw fail("pattern has no {" + end + ":kind} slot");
			}
			Set<Kind> kinds = EnumSet.noneOf(Kind.class);
			for (String k : m.group(1).split("\\|")) {
				Kind kind = Kind.fromKey(k).orElseThrow(() -> fail("unknown kind " + k + " in the " + end + " slot"));
				if (!allowed.contains(kind)) {
					throw fail(kind.key() + " cannot be the " + end + " end of " + raw.get("type"));
				}
				kinds.add(kind);
			}
			return kinds;
		}
	}

}
