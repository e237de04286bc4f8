package cn.landscape.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The API contract /v3/api-docs publishes (only /api/**, see springdoc.paths-to-match): title, licence,
 * the problem responses every operation can answer (web/ApiProblems writes them), and the bearer token
 * the admin operations need. Done here once, so that no controller repeats it.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

	static final String PROBLEM = "ProblemDetail";

	static final String BEARER = "bearer";

	static final String PROBLEM_JSON = "application/problem+json";

	/** Query parameters that take a reference to an entity, so that an unknown one answers 404 (README: "The API"). */
	private static final Set<String> REFERENCE_PARAMETERS = Set.of("focus", "from", "to", "region", "issuer", "industry",
			"document");

	@Bean
	OpenApiCustomizer apiDescription(ObjectProvider<BuildProperties> build) {
		String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
		return api -> {
			api.info(new Info().title("China AI large-model landscape API")
				.version(version)
				.description("""
						A knowledge graph of China's AI large-model industry: vendors, models, chips, policies, regions \
						and industries, every fact with the verbatim sentence of the source document it was read from. \
						Every `{ref}` takes an id, `kind:id`, a Chinese or English name or an alias. Errors are RFC 9457 \
						`application/problem+json` naming what to change.""")
				.contact(new Contact().name("ai-landscape-graph maintainers"))
				.license(new License().name("Apache License 2.0")
					.url("https://www.apache.org/licenses/LICENSE-2.0")));
			api.servers(List.of(new Server().url("/").description("This service")));
			Components components = api.getComponents() == null ? new Components() : api.getComponents();
			api.components(components.addSchemas(PROBLEM, problemSchema())
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("The admin token: LANDSCAPE_ADMIN_TOKEN of the service; the admin operations are disabled while it is empty.")));
		};
	}

	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
			boolean admin = mapping != null && (Arrays.asList(mapping.method()).contains(RequestMethod.POST)
					|| Arrays.stream(mapping.path()).anyMatch(path -> path.startsWith("/api/admin/")));
			if (operation.getParameters() != null) {
				// The bearer scheme documents the Authorization header; OpenAPI ignores it as a parameter.
				operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && "Authorization".equalsIgnoreCase(p.getName()));
			}
			boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
			if (hasParameters) {
				problem(operation, "400", "A parameter is malformed or out of range; `parameter` names it.");
			}
			if (takesReference(handler)) {
				problem(operation, "404", "No entity matches a reference; `suggestions` lists the closest names.");
			}
			if (admin) {
				problem(operation, "401", "The admin token is missing or wrong.");
				problem(operation, "403", "The admin operations are disabled: no LANDSCAPE_ADMIN_TOKEN is configured.");
				operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
			}
			else {
				operation.setSecurity(List.of());
			}
			problem(operation, "503",
					"The query ran past landscape.query.timeout, or the search indexes are being built (Retry-After).");
			return operation;
		};
	}

	private static boolean takesReference(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(PathVariable.class)) {
				return true;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			String name = param == null ? null : (param.name().isEmpty() ? parameter.getParameterName() : param.name());
			if (name != null && REFERENCE_PARAMETERS.contains(name)) {
				return true;
			}
		}
		return false;
	}

	private static void problem(Operation operation, String status, String description) {
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = Map.of(
				"type", new StringSchema().format("uri-reference").description("The kind of problem, e.g. /problems/not-found"),
				"title", new StringSchema().description("Short summary of the kind of problem"),
				"status", new IntegerSchema().description("The HTTP status"),
				"detail", new StringSchema().description("What went wrong and what to change"),
				"instance", new StringSchema().format("uri-reference").description("The request path"));
		ObjectSchema schema = new ObjectSchema();
		schema.description("RFC 9457 problem details; some problems add members (parameter, ref, suggestions).");
		properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> schema.addProperty(e.getKey(), e.getValue()));
		schema.setRequired(List.of("type", "title", "status", "detail"));
		schema.additionalProperties(true);
		return schema;
	}

}
