package cn.landscape.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.chip.ChipRepository;
import cn.landscape.entity.EntityConversions;
import cn.landscape.entity.PartialDate;
import cn.landscape.industry.IndustryRepository;
import cn.landscape.region.RegionLevel;
import cn.landscape.region.RegionRepository;
import cn.landscape.support.FixtureDatabase;
import cn.landscape.vendor.VendorCategory;
import cn.landscape.vendor.VendorRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The repositories of the kinds a policy reaches: each loads its typed entity with its links' evidence. */
@DataNeo4jTest
@Import(EntityConversions.class)
class PolicyRepositoryTest {

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (gd:Region:Entity {id: 'guangdong', name: '广东', level: 'province'})
			CREATE (sz:Region:Entity {id: 'shenzhen', name: '深圳', level: 'city'})
			CREATE (sz)-[:PART_OF {curated: true, evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(gd)
			CREATE (p:Policy:Entity {id: 'sz-plan', name: '深圳市行动方案', date: '2023-05', scope: 'local'})
			CREATE (p)-[:COVERS {evidenceDocs: ['d'], evidenceQuotes: ['深圳市'], evidenceSections: ['']}]->(sz)
			CREATE (a100:Chip:Entity {id: 'a100', name: 'A100', chipType: 'gpu'})
			CREATE (nv:Vendor:Entity {id: 'nvidia', name: '英伟达', category: 'chipmaker'})
			CREATE (a100)-[:MADE_BY {evidenceDocs: ['d'], evidenceQuotes: ['英伟达 A100'], evidenceSections: ['']}]->(nv)
			CREATE (ctl:Policy:Entity {id: 'control', name: '管制', scope: 'foreign'})
			CREATE (ctl)-[:RESTRICTS {evidenceDocs: ['d'], evidenceQuotes: ['A100 被列入管制清单'], evidenceSections: ['']}]->(a100)
			CREATE (f:Industry:Entity {id: 'finance', name: '金融'})
			CREATE (p)-[:SUPPORTS {evidenceDocs: ['d'], evidenceQuotes: ['金融'], evidenceSections: ['']}]->(f)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	PolicyRepository policies;

	@Autowired
	RegionRepository regions;

	@Autowired
	ChipRepository chips;

	@Autowired
	VendorRepository vendors;

	@Autowired
	IndustryRepository industries;

	@Test
	void a_policy_loads_its_date_scope_regions_and_supported_industries() {
		Policy plan = policies.findById("sz-plan").orElseThrow();
		assertThat(plan.getDate()).isEqualTo(PartialDate.parse("2023-05"));
		assertThat(plan.getScope()).isEqualTo(PolicyScope.LOCAL);
		assertThat(plan.getCovers()).singleElement().satisfies(link -> {
			assertThat(link.getRegion().getId()).isEqualTo("shenzhen");
			assertThat(link.evidence()).extracting(e -> e.quote()).containsExactly("深圳市");
		});
		assertThat(plan.getSupportsIndustries()).singleElement()
			.satisfies(link -> assertThat(link.getIndustry().getName()).isEqualTo("金融"));
	}

	@Test
	void a_region_knows_the_region_it_is_part_of_and_that_the_link_is_curated() {
		assertThat(regions.findById("shenzhen").orElseThrow().getPartOf()).singleElement().satisfies(link -> {
			assertThat(link.getRegion().getLevel()).isEqualTo(RegionLevel.PROVINCE);
			assertThat(link.isCurated()).isTrue();
			assertThat(link.evidence()).isEmpty();
		});
	}

	@Test
	void a_restricted_chip_loads_its_maker_and_the_maker_its_category() {
		assertThat(policies.findById("control").orElseThrow().getRestricts()).singleElement()
			.satisfies(link -> assertThat(link.getChip().getMakers()).singleElement()
				.satisfies(made -> assertThat(made.getVendor().getCategory()).isEqualTo(VendorCategory.CHIPMAKER)));
		assertThat(chips.findById("a100").orElseThrow().getChipType()).isEqualTo("gpu");
		assertThat(vendors.findById("nvidia")).isPresent();
		assertThat(industries.count()).isEqualTo(1);
	}

}
