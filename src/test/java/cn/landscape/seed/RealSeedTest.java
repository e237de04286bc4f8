package cn.landscape.seed;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealSeedTest {

	@Test
	void the_curated_seed_passes_validation() {
		SeedModel seed = SeedReader.read(Path.of("graph-seed"));
		assertThat(seed.entities()).hasSizeGreaterThan(150);
		assertThat(seed.relations()).hasSizeGreaterThan(150);
	}

	@Test
	void every_entity_of_the_curated_seed_has_a_relationship_or_a_note_saying_why_not() {
		SeedModel seed = SeedReader.read(Path.of("graph-seed"));
		assertThat(seed.warnings()).as("warnings").isEmpty();
	}

}
