package cn.landscape.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml cannot run here (no Docker engine); this checks it is wired to what the code reads. */
class DockerComposeTest {

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String name) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
	}

	/** Every ${NAME:default} placeholder of application.properties: the environment the service reads. */
	private static Set<String> variablesTheServiceReads() throws IOException {
		Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):").matcher(Files.readString(Path.of("src/main/resources/application.properties")));
		Set<String> names = new TreeSet<>();
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	@Test
	@SuppressWarnings("unchecked")
	void service_environment_uses_only_variables_the_service_reads_and_points_at_the_neo4j_service() throws IOException {
		Map<String, Object> environment = (Map<String, Object>) service("landscape").get("environment");
		assertThat(variablesTheServiceReads()).containsAll(environment.keySet());
		assertThat(environment).containsKeys("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD");
		assertThat(String.valueOf(environment.get("NEO4J_URI"))).isEqualTo("bolt://neo4j:7687");
	}

	@Test
	@SuppressWarnings("unchecked")
	void neo4j_service_has_auth_on_with_the_password_the_service_uses_and_a_named_volume() throws IOException {
		Map<String, Object> neo4j = service("neo4j");
		assertThat(String.valueOf(neo4j.get("image"))).startsWith("neo4j:").endsWith("-community");
		String auth = String.valueOf(((Map<String, Object>) neo4j.get("environment")).get("NEO4J_AUTH"));
		String password = String.valueOf(((Map<String, Object>) service("landscape").get("environment")).get("NEO4J_PASSWORD"));
		assertThat(auth).isEqualTo("neo4j/" + password);
		assertThat((Iterable<String>) neo4j.get("volumes")).anyMatch(v -> v.startsWith("neo4j-data:"));
	}

}
