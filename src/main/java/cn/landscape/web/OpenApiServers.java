package cn.landscape.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names its server from landscape.web.public-url, or relatively: springdoc would
 * otherwise build it from the request's Host header.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiServers {

	@Bean
	OpenAPI openApi(PublicUrl publicUrl) {
		return new OpenAPI().info(new Info().title("ai-landscape-graph").version("v1"))
			.addServersItem(new Server().url(publicUrl.configured() ? publicUrl.base() : "/"));
	}

}
