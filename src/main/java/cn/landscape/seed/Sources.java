package cn.landscape.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Fact;

/**
 * The open datasets of {@code graph-seed/sources/<name>/}, read into the validated seed: each folder holds
 * {@code source.yaml} (title, publisher, url, licence, attribution, snapshot, rank), the licence file, the
 * snapshot of the rows and columns the graph uses, and {@code mapping.yaml}. A source with any error (no
 * licence, a mapping that names an unknown kind or a missing column) is refused with the rest of the seed;
 * a bad row is skipped and reported.
 */
final class Sources {

	static final String DIR = "sources";

	private static final Set<String> SOURCE_FIELDS = Set.of("title", "publisher", "url", "licence", "licenceFile",
			"attribution", "snapshot", "rank");

	/** A source's {@code source.yaml}. */
	record Source(String id, String title, String publisher, String url, String licence, String attribution,
			String snapshotDate, String snapshotCommit, int rank, Path dir) {
	}

	private Sources() {
	}

	/** The seed with every source's entities, properties and relationships merged in, and one report each. */
	static SeedModel merge(Path seedDir, SeedModel seed) {
		Path root = seedDir.resolve(DIR);
		if (!Files.isDirectory(root)) {
			return seed;
		}
		List<SeedError> errors = new ArrayList<>();
		Resolution resolution = Resolution.read(seedDir, errors);
		List<Source> sources = new ArrayList<>();
		Map<Source, SourceMapping> mappings = new LinkedHashMap<>();
		Map<Source, SourceTable> tables = new LinkedHashMap<>();
		for (Path dir : folders(root)) {
			Optional<Source> source = source(dir, errors);
			if (source.isEmpty()) {
				continue;
			}
			String file = DIR + "/" + source.get().id() + "/mapping.yaml";
			Optional<SourceMapping> mapping = mapping(dir.resolve("mapping.yaml"), file, errors);
			if (mapping.isEmpty()) {
				continue;
			}
			String dataFile = DIR + "/" + source.get().id() + "/" + mapping.get().file();
			try {
				SourceTable table = mapping.get().format().read(dir.resolve(mapping.get().file()), dataFile);
				checkColumns(mapping.get(), table, file, errors);
				sources.add(source.get());
				mappings.put(source.get(), mapping.get());
				tables.put(source.get(), table);
			}
			catch (IOException | YAMLException ex) {
				errors.add(new SeedError(dataFile, "-", null, "cannot be read: " + ex.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			throw new SeedValidationException(errors);
		}
		sources.sort(java.util.Comparator.comparingInt(Source::rank));
		List<SourceDraft> drafts = seed.entities().stream().map(SourceDraft::of).toList();
		EntityIndex index = new EntityIndex(resolution, drafts);
		SourceRelations relations = new SourceRelations(seed.relations());
		List<SourceReport> reports = new ArrayList<>();
		List<SourceImport> imports = new ArrayList<>();
		for (Source source : sources) {
			SourceImport run = new SourceImport(source.id(), source.rank(), mappings.get(source), index, relations);
			run.apply(tables.get(source));
			imports.add(run);
		}
		List<Entity> entities = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			entities.add(document(sources.get(i), imports.get(i).rowHashes));
		}
		index.drafts().forEach(d -> entities.add(d.build()));
		for (int i = 0; i < sources.size(); i++) {
			Source s = sources.get(i);
			SourceImport run = imports.get(i);
			List<SourceReport.Skip> skipped = new ArrayList<>();
			tables.get(s).skipped().forEach(e -> skipped.add(new SourceReport.Skip(e.file() + " " + e.record(), e.message())));
			skipped.addAll(run.skipped);
			reports.add(new SourceReport(s.id(), s.title(), s.licence(), s.attribution(), s.url(), s.snapshotDate(),
					s.snapshotCommit(), tables.get(s).rows().size() + tables.get(s).skipped().size(), run.rowsTaken,
					run.created, relations.count(s.id()), List.copyOf(run.merges()), List.copyOf(skipped),
					conflicts(index, s.id())));
		}
		return new SeedModel(List.copyOf(entities), relations.build(), seed.hash(), seed.warnings(),
				List.copyOf(reports));
	}

	private static List<SourceReport.Conflict> conflicts(EntityIndex index, String source) {
		List<SourceReport.Conflict> conflicts = new ArrayList<>();
		index.drafts().forEach(d -> d.conflicts(source).forEach((property, values) -> conflicts
			.add(new SourceReport.Conflict(d.ref(), property, values))));
		return conflicts;
	}

	/**
	 * The source as a Document node, so that its facts' evidence names it as a quote names its document; it keeps
	 * the rows it was loaded from for {@link SourceDiffs}.
	 */
	private static Entity document(Source s, Map<String, String> rows) {
		Map<String, Fact> props = new LinkedHashMap<>();
		props.put(SourceDiffs.ROW_KEYS, new Fact(List.copyOf(rows.keySet()), List.of()));
		props.put(SourceDiffs.ROW_HASHES, new Fact(List.copyOf(rows.values()), List.of()));
		props.put("kind", new Fact("dataset", List.of()));
		props.put("publisher", new Fact(s.publisher(), List.of()));
		props.put("url", new Fact(s.url(), List.of()));
		props.put("licence", new Fact(s.licence(), List.of()));
		props.put("attribution", new Fact(s.attribution(), List.of()));
		if (s.snapshotDate() != null) {
			props.put("date", new Fact(s.snapshotDate(), List.of()));
		}
		if (s.snapshotCommit() != null) {
			props.put("snapshotCommit", new Fact(s.snapshotCommit(), List.of()));
		}
		return new Entity(Kind.DOCUMENT, s.id(), s.title(), null, List.of(), List.of(), props, false);
	}

	private static Optional<Source> source(Path dir, List<SeedError> errors) {
		String id = dir.getFileName().toString();
		String file = DIR + "/" + id + "/source.yaml";
		if (!SeedReader.SLUG.matcher(id).matches()) {
			errors.add(new SeedError(DIR + "/" + id, "-", null, "a source's folder name is its id: a URL-safe slug"));
			return Optional.empty();
		}
		Map<?, ?> map;
		try {
			map = SeedFiles.yaml(SeedFiles.readUtf8(dir.resolve("source.yaml"))) instanceof Map<?, ?> m ? m : null;
		}
		catch (IOException | YAMLException ex) {
			errors.add(new SeedError(file, "-", null, "cannot be read: " + ex.getMessage().replace('\n', ' ')));
			return Optional.empty();
		}
		if (map == null) {
			errors.add(new SeedError(file, "-", null, "must be a mapping"));
			return Optional.empty();
		}
		int before = errors.size();
		map.keySet().stream().map(String::valueOf).filter(k -> !SOURCE_FIELDS.contains(k)).forEach(k -> errors
			.add(new SeedError(file, "-", k, "unknown field; allowed: " + SOURCE_FIELDS.stream().sorted().toList())));
		for (String field : List.of("title", "publisher", "url", "licence", "licenceFile", "attribution")) {
			if (SeedReader.string(map.get(field)) == null || SeedReader.string(map.get(field)).isBlank()) {
				errors.add(new SeedError(file, "-", field, "required: a source is shown and redistributed only with its "
						+ "licence and attribution"));
			}
		}
		String licenceFile = SeedReader.string(map.get("licenceFile"));
		if (licenceFile != null && !Files.isRegularFile(dir.resolve(licenceFile))) {
			errors.add(new SeedError(file, "-", "licenceFile", "'" + licenceFile + "' is not in the source's folder; "
					+ "a source without its licence is refused"));
		}
		Map<?, ?> snapshot = map.get("snapshot") instanceof Map<?, ?> s ? s : Map.of();
		String date = SeedReader.string(snapshot.get("date"));
		if (date == null || !SeedReader.ISO_DATE.matcher(date).matches()) {
			errors.add(new SeedError(file, "-", "snapshot.date", "required: the ISO date of the publisher's snapshot"));
		}
		int rank = map.get("rank") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
		if (!(map.get("rank") instanceof Number)) {
			errors.add(new SeedError(file, "-", "rank", "required: the source's place in the precedence (1 leads)"));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new Source(id, SeedReader.string(map.get("title")), SeedReader.string(map.get("publisher")),
				SeedReader.string(map.get("url")), SeedReader.string(map.get("licence")),
				SeedReader.string(map.get("attribution")), date, SeedReader.string(snapshot.get("commit")), rank, dir));
	}

	private static Optional<SourceMapping> mapping(Path path, String file, List<SeedError> errors) {
		try {
			return SourceMappings.read(SeedFiles.yaml(SeedFiles.readUtf8(path)), file, errors);
		}
		catch (IOException | YAMLException ex) {
			errors.add(new SeedError(file, "-", null, "cannot be read: " + ex.getMessage().replace('\n', ' ')));
			return Optional.empty();
		}
	}

	/** Every column the mapping names must be in the file: a renamed column refuses the source, never guesses. */
	private static void checkColumns(SourceMapping mapping, SourceTable table, String file, List<SeedError> errors) {
		Set<String> named = new LinkedHashSet<>();
		named.add(mapping.key());
		mapping.take().forEach(t -> {
			if (t.column() != null) {
				named.add(t.column());
			}
			if (t.referencedBy() != null) {
				named.add(t.referencedBy());
			}
		});
		mapping.entities().forEach(e -> {
			named.add(e.column());
			e.props().forEach(p -> named.add(p.column()));
		});
		mapping.relations().forEach(r -> r.props().forEach(p -> named.add(p.column())));
		boolean records = mapping.format() == SourceTable.Format.YAML_RECORDS;
		named.stream()
			.filter(c -> !table.columns().contains(c))
			.forEach(c -> {
				// a record may leave a field out; only a field that no record has is a mistake
				errors.add(new SeedError(file, "-", c, "names a column that " + mapping.file() + " does not have; "
						+ (records ? "no record has it" : "its columns are " + table.columns())));
			});
	}

	private static List<Path> folders(Path root) {
		try (Stream<Path> list = Files.list(root)) {
			return list.filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
