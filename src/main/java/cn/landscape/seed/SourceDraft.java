package cn.landscape.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Fact;

/**
 * An entity while the sources are read into it: one of the curated seed's, or one a source creates. Each
 * source's value of a property is kept as a claim with its row; {@link #build} makes the value that leads,
 * by the documented precedence: the seed's own value (a document's quote or a curated reading), then the
 * sources in their rank.
 */
final class SourceDraft {

	/** A value one row gives a property, and the source's rank (lower leads). */
	record Claim(Object value, Evidence evidence, int rank) {
	}

	final Kind kind;

	final String id;

	private final Entity seed;

	private final String name;

	private final List<String> aliases = new ArrayList<>();

	private final List<Evidence> evidence = new ArrayList<>();

	private final Map<String, List<Claim>> claims = new LinkedHashMap<>();

	/** Every normalised name this entity answers to, for the resolver. */
	final Set<String> keys = new LinkedHashSet<>();

	private SourceDraft(Kind kind, String id, String name, Entity seed) {
		this.kind = kind;
		this.id = id;
		this.name = name;
		this.seed = seed;
		keys.add(Names.normalize(id));
		keys.add(Names.normalize(name));
		if (seed != null) {
			if (seed.nameEn() != null) {
				keys.add(Names.normalize(seed.nameEn()));
			}
			seed.aliases().forEach(a -> keys.add(Names.normalize(a)));
		}
	}

	static SourceDraft of(Entity seed) {
		return new SourceDraft(seed.kind(), seed.id(), seed.name(), seed);
	}

	static SourceDraft created(Kind kind, String id, String name) {
		return new SourceDraft(kind, id, name, null);
	}

	boolean fromSeed() {
		return seed != null;
	}

	String ref() {
		return SeedModel.ref(kind, id);
	}

	String name() {
		return name;
	}

	/** A source's spelling of the name becomes an alias, so that search and the linker find it too. */
	void alias(String surface) {
		if (keys.add(Names.normalize(surface))) {
			aliases.add(surface);
		}
	}

	void mentioned(Evidence row) {
		if (!evidence.contains(row)) {
			evidence.add(row);
		}
	}

	void claim(String property, Claim claim) {
		claims.computeIfAbsent(property, k -> new ArrayList<>()).add(claim);
	}

	/**
	 * The properties on which {@code source} disagrees with another source or with the seed: each with every
	 * value given, the seed's first.
	 */
	Map<String, List<String>> conflicts(String source) {
		Map<String, List<String>> conflicts = new LinkedHashMap<>();
		claims.forEach((property, given) -> {
			if (given.stream().noneMatch(c -> source.equals(c.evidence().documentId()))) {
				return;
			}
			Set<String> values = new LinkedHashSet<>();
			Fact own = seed == null ? null : seed.props().get(property);
			if (own != null) {
				values.add(String.valueOf(own.value()));
			}
			given.forEach(c -> values.add(String.valueOf(c.value())));
			if (values.size() > 1) {
				conflicts.put(property, List.copyOf(values));
			}
		});
		return conflicts;
	}

	Entity build() {
		Map<String, Fact> props = new LinkedHashMap<>(seed == null ? Map.of() : seed.props());
		claims.forEach((property, given) -> {
			List<Claim> ranked = given.stream().sorted(java.util.Comparator.comparingInt(Claim::rank)).toList();
			Fact own = props.get(property);
			Object lead = own != null ? own.value() : ranked.get(0).value();
			List<Evidence> all = new ArrayList<>(own == null ? List.of() : own.evidence());
			for (Claim c : ranked) {
				Evidence e = Objects.equals(String.valueOf(c.value()), String.valueOf(lead)) ? c.evidence()
						: c.evidence().claiming(String.valueOf(c.value()));
				if (!all.contains(e)) {
					all.add(e);
				}
			}
			props.put(property, new Fact(lead, List.copyOf(all), own == null ? null : own.curated()));
		});
		List<String> allAliases = new ArrayList<>(seed == null ? List.of() : seed.aliases());
		allAliases.addAll(aliases);
		List<Evidence> allEvidence = new ArrayList<>(seed == null ? List.of() : seed.evidence());
		allEvidence.addAll(evidence);
		return new Entity(kind, id, name, seed == null ? null : seed.nameEn(), List.copyOf(allAliases),
				List.copyOf(allEvidence), props, seed != null && seed.curated());
	}

}
