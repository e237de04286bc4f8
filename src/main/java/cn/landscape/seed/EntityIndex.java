package cn.landscape.seed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;

/**
 * One node per real thing: finds the entity a source's name denotes, by rules tried in order, each named in
 * the resolution report:
 * <ol>
 * <li>{@code curator: <line>}: resolution.yaml says the names are the same;</li>
 * <li>{@code name}: the normalised name equals a name, English name, alias or id;</li>
 * <li>{@code name-part}: an organisation written {@code X (Y)}, Y a Latin short form, or {@code X / Y} is found by
 * X or by Y;</li>
 * <li>{@code organisation-suffix}: equal once suffixes such as Inc. or 有限公司 are dropped from both;</li>
 * <li>{@code compound}: a cell that joins two names of the kind (浙江杭州), for columns that allow it.</li>
 * </ol>
 * A curator's not-same line refuses any of these. No rule matches a part of a word: a name is compared whole.
 * Versions stay apart because nothing strips them (Qwen-72B is not 通义千问).
 */
final class EntityIndex {

	/** What a name resolved to, and by which rule; {@code kept} names the not-same line that refused a match. */
	record Match(SourceDraft draft, String rule, String kept) {
	}

	/** Only a Latin short form in brackets is another name: 哈尔滨工业大学（深圳） is a campus, not an alias. */
	private static final java.util.regex.Pattern SHORT_FORM = java.util.regex.Pattern
		.compile("^(.+?)\\s*[(（]\\s*[“\"]?([A-Za-z0-9.&\\- ]+)[”\"]?\\s*[)）]$");

	private final Resolution resolution;

	private final Map<Kind, Map<String, SourceDraft>> byKey = new EnumMap<>(Kind.class);

	private final Map<Kind, Map<String, SourceDraft>> bySuffixless = new EnumMap<>(Kind.class);

	private final Map<String, SourceDraft> byRef = new LinkedHashMap<>();

	private final Map<Kind, Map<String, Integer>> ids = new EnumMap<>(Kind.class);

	EntityIndex(Resolution resolution, Collection<SourceDraft> seed) {
		this.resolution = resolution;
		seed.forEach(this::add);
	}

	Collection<SourceDraft> drafts() {
		return byRef.values();
	}

	Optional<SourceDraft> byRef(String ref) {
		return Optional.ofNullable(byRef.get(ref));
	}

	private void add(SourceDraft draft) {
		byRef.put(draft.ref(), draft);
		ids.computeIfAbsent(draft.kind, k -> new HashMap<>()).put(draft.id, 1);
		draft.keys.forEach(key -> index(draft, key));
	}

	private void index(SourceDraft draft, String key) {
		byKey.computeIfAbsent(draft.kind, k -> new HashMap<>()).putIfAbsent(key, draft);
		if (draft.kind == Kind.VENDOR) {
			String bare = suffixless(key);
			if (!bare.isEmpty()) {
				bySuffixless.computeIfAbsent(draft.kind, k -> new HashMap<>()).putIfAbsent(bare, draft);
			}
		}
	}

	/** The entity {@code surface} denotes, if any rule finds one. */
	Match find(Kind kind, String surface, boolean compound) {
		String key = Names.normalize(surface);
		Map<String, SourceDraft> keys = byKey.getOrDefault(kind, Map.of());
		for (Resolution.Decision same : resolution.same()) {
			if (same.names(kind, key)) {
				for (String name : same.names()) {
					SourceDraft found = keys.get(Names.normalize(name));
					if (found != null) {
						return new Match(found, "curator: " + same.name(), null);
					}
				}
			}
		}
		List<Match> candidates = new ArrayList<>();
		candidates.add(new Match(keys.get(key), "name", null));
		if (kind == Kind.VENDOR) {
			for (String part : parts(surface)) {
				candidates.add(new Match(keys.get(Names.normalize(part)), "name-part", null));
			}
			String bare = suffixless(key);
			candidates.add(new Match(bare.isEmpty() ? null : bySuffixless.getOrDefault(kind, Map.of()).get(bare),
					"organisation-suffix", null));
		}
		if (compound) {
			candidates.add(compound(keys, key));
		}
		String kept = null;
		for (Match m : candidates) {
			if (m.draft() == null) {
				continue;
			}
			Optional<Resolution.Decision> apart = notSame(kind, key, m.draft());
			if (apart.isEmpty()) {
				return m;
			}
			kept = apart.get().name();
		}
		return new Match(null, null, kept);
	}

	/** A new entity for a name no rule resolves, with a readable id unique in its kind. */
	SourceDraft create(Kind kind, String surface) {
		String base = Slugs.of(surface);
		Map<String, Integer> taken = ids.computeIfAbsent(kind, k -> new HashMap<>());
		String id = base;
		for (int n = 2; taken.containsKey(id); n++) {
			id = base + "-" + n;
		}
		SourceDraft draft = SourceDraft.created(kind, id, surface);
		add(draft);
		for (Resolution.Decision same : resolution.same()) {
			if (same.names(kind, Names.normalize(surface))) {
				same.names().forEach(n -> index(draft, Names.normalize(n)));
			}
		}
		return draft;
	}

	/** Records that {@code surface} names {@code draft}, so that the next row finds it by that name too. */
	void merged(SourceDraft draft, String surface) {
		draft.alias(surface);
		index(draft, Names.normalize(surface));
	}

	private Optional<Resolution.Decision> notSame(Kind kind, String key, SourceDraft target) {
		return resolution.notSame()
			.stream()
			.filter(d -> d.names(kind, key) && target.keys.stream().anyMatch(k -> !k.equals(key) && d.names(kind, k)))
			.findFirst();
	}

	private Match compound(Map<String, SourceDraft> keys, String key) {
		for (int i = 1; i < key.length(); i++) {
			SourceDraft first = keys.get(key.substring(0, i));
			if (first != null) {
				SourceDraft second = keys.get(key.substring(i));
				return second != null ? new Match(second, "compound", null) : new Match(first, "compound-first", null);
			}
		}
		return new Match(null, null, null);
	}

	/** {@code X (Y)} and {@code X / Y}: an organisation written with its short form, each part a name of it. */
	private static List<String> parts(String surface) {
		List<String> parts = new ArrayList<>();
		java.util.regex.Matcher paren = SHORT_FORM.matcher(surface.strip());
		if (paren.matches()) {
			parts.add(paren.group(1));
			parts.add(paren.group(2));
		}
		String[] slash = surface.split("\\s+/\\s+");
		if (slash.length == 2) {
			parts.add(slash[0]);
			parts.add(slash[1]);
		}
		return parts;
	}

	private String suffixless(String key) {
		String bare = key;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : resolution.organisationSuffixes()) {
				if (bare.length() > suffix.length() && bare.endsWith(suffix)) {
					bare = bare.substring(0, bare.length() - suffix.length()).replaceAll("[,.，、]+$", "");
					stripped = true;
				}
			}
		}
		return bare.equals(key) ? key : bare;
	}

}
