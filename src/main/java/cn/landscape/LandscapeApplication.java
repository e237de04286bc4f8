package cn.landscape;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LandscapeApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(LandscapeApplication.class, args);
		}
		catch (Throwable ex) {
			// Boot has reported the failure and closed the context; a thread some library left running must
			// not keep a half-started service alive.
			System.exit(1);
		}
	}

}
