package cn.landscape.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
