package cn.landscape.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.ConfigurableWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** landscape.warmup.enabled=false: ready at once, and the database is not asked. */
class QueryWarmupSwitchTest {

	@Test
	void warmup_turned_off_reports_up_at_once_and_asks_nothing() {
		Driver driver = mock(Driver.class);
		QueryWarmup warmup = new QueryWarmup(driver, null, List.of(), false);
		assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		warmup.warm(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				mock(ConfigurableWebServerApplicationContext.class), null));

		assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
		assertThat(warmup.health().getDetails()).containsEntry("warmup", "off");
		verifyNoInteractions(driver);
	}

}
