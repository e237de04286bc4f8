package cn.landscape.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.support.FixtureDatabase;
import cn.landscape.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reference resolution on the schema's key index: ids, kind:id, names and aliases in any case and spacing. */
@DataNeo4jTest
@Import({ Refs.class, RefQueries.class })
class RefsTest {

	@RegisterExtension
	static final FixtureDatabase fixture = FixtureDatabase.withSchema("""
			CREATE (:Model:Entity {id: 'pangu', name: '盘古大模型', nameEn: 'PanGu', aliases: ['盘古'],
			        keys: ['pangu', '盘古大模型', '盘古']})
			CREATE (:Model:Entity {id: 'pangu-alpha', name: '鹏城盘古', nameEn: 'PanGu-α', keys: ['pangu-alpha', '鹏城盘古', 'pangu-α']})
			CREATE (:Vendor:Entity {id: 'huawei', name: '华为', nameEn: 'Huawei', keys: ['huawei', '华为']})
			CREATE (:Application:Entity {id: 'huawei', name: '华为应用', keys: ['huawei', '华为应用']})
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	Refs refs;

	@Test
	void an_id_a_name_an_english_name_and_an_alias_resolve_to_the_same_entity() {
		for (String ref : new String[] { "pangu", "model:pangu", "盘古大模型", "PANGU", "盘古" }) {
			assertThat(refs.resolve("ref", ref, Kind.MODEL).ref()).as(ref).isEqualTo("model:pangu");
		}
	}

	@Test
	void a_shared_id_resolves_to_the_expected_kind_and_otherwise_to_the_earlier_kind() {
		assertThat(refs.resolve("ref", "huawei", Kind.APPLICATION).ref()).isEqualTo("application:huawei");
		assertThat(refs.resolve("ref", "huawei", null).ref()).isEqualTo("vendor:huawei");
		assertThat(refs.resolve("ref", "application:huawei", null).ref()).isEqualTo("application:huawei");
	}

	@Test
	void an_entity_of_another_kind_is_not_found() {
		assertThat(refs.find("华为", Kind.MODEL)).isEmpty();
	}

	@Test
	void an_unknown_reference_is_not_found_with_the_closest_names() {
		assertThatThrownBy(() -> refs.resolve("ref", "盘古模型", Kind.MODEL)).isInstanceOf(NotFoundException.class)
			.satisfies(ex -> assertThat(((NotFoundException) ex).suggestions()).contains("盘古大模型 (PanGu)"));
	}

}
