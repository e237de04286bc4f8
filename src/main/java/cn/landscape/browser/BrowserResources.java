package cn.landscape.browser;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the static Neo4j Browser app packaged under browser/ in org.neo4j.client:neo4j-browser,
 * revalidated on each load so that a newer Browser jar shows up without clearing caches.
 */
@Configuration(proxyBeanMethods = false)
class BrowserResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**")
			.addResourceLocations("classpath:/browser/")
			.setCacheControl(CacheControl.noCache());
	}

}
