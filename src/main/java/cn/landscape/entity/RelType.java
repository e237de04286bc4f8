package cn.landscape.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static cn.landscape.entity.Kind.*;

/**
 * The allowlist of relationship types with the kinds allowed at each end. Every relationship type in a
 * Cypher string comes from here.
 */
public enum RelType {

	DEVELOPS(Set.of(VENDOR), Set.of(MODEL, APPLICATION, CHIP, FACILITY, DATASET)),
	SERVES(Set.of(MODEL, APPLICATION), Set.of(INDUSTRY)),
	RUNS_ON(Set.of(MODEL, FACILITY, APPLICATION), Set.of(CHIP)),
	TRAINED_ON(Set.of(MODEL), Set.of(CHIP, DATASET)),
	USES(Set.of(MODEL, VENDOR, APPLICATION), Set.of(FACILITY, TECHNOLOGY, DATASET)),
	MADE_BY(Set.of(CHIP), Set.of(VENDOR)),
	SUBSTITUTES_FOR(Set.of(CHIP, VENDOR), Set.of(CHIP, VENDOR)),
	ISSUED_BY(Set.of(POLICY), Set.of(BODY)),
	COVERS(Set.of(POLICY), Set.of(REGION)),
	SUPPORTS(Set.of(POLICY), Set.of(INDUSTRY, MODEL, TECHNOLOGY, FACILITY)),
	RESTRICTS(Set.of(POLICY), Set.of(CHIP)),
	/** A foreign measure aimed at a region it does not govern (an export control on what China can buy). */
	TARGETS(Set.of(POLICY), Set.of(REGION)),
	LOCATED_IN(Set.of(VENDOR, BODY, FACILITY, EVENT), Set.of(REGION)),
	/** Containment; an application or a policy is part of one of its own kind (an assistant of a product). */
	PART_OF(Set.of(REGION, VENDOR, BODY, APPLICATION, POLICY), Set.of(REGION, VENDOR, BODY, APPLICATION, POLICY)),
	BUILT_ON(Set.of(APPLICATION), Set.of(MODEL)),
	BASED_ON(Set.of(MODEL), Set.of(MODEL)),
	/** A release or size of a model family, or a chip of a chip series; both ends are of one kind. */
	VERSION_OF(Set.of(MODEL, CHIP), Set.of(MODEL, CHIP)),
	PARTNERS_WITH(Set.of(VENDOR), Set.of(VENDOR)),
	AFFILIATED_WITH(Set.of(PERSON), Set.of(VENDOR, BODY)),
	PUBLISHED_BY(Set.of(DOCUMENT), Set.of(VENDOR, BODY)),
	EVALUATED_ON(Set.of(MODEL), Set.of(DATASET)),
	MEASURES(Set.of(FIGURE), Set.of(REGION, INDUSTRY, VENDOR, MODEL)),
	/** Presented, released, upgraded or disclosed at a conference, fair or launch. */
	ANNOUNCED_AT(Set.of(MODEL, APPLICATION, FIGURE), Set.of(EVENT)),
	/** Written by the loader from each entity's own evidence, not from a relations file. */
	MENTIONS(Set.of(DOCUMENT), Set.of(Kind.values()));

	private final Set<Kind> from;

	private final Set<Kind> to;

	RelType(Set<Kind> from, Set<Kind> to) {
		this.from = from;
		this.to = to;
	}

	public Set<Kind> from() {
		return from;
	}

	public Set<Kind> to() {
		return to;
	}

	/** {@code runs-on} for RUNS_ON: the relations file name. */
	public String fileKey() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Relations files map by prefix so that part-of-regions.yaml is PART_OF too. */
	public static Optional<RelType> fromFileName(String baseName) {
		return Arrays.stream(values())
			.filter(t -> t != MENTIONS)
			.filter(t -> baseName.equals(t.fileKey()) || baseName.startsWith(t.fileKey() + "-"))
			.findFirst();
	}

	public static Optional<RelType> fromName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values()).filter(t -> t.name().equals(n)).findFirst();
	}

}
