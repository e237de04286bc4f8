package cn.landscape.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Boot's own analysis of a taken HTTP port does not name the setting; this one does. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		return new FailureAnalysis("HTTP port " + cause.getPort() + " is already in use.",
				"Stop the process on port " + cause.getPort() + " or start with SERVER_PORT=<free port> (server.port).",
				cause);
	}

}
