package cn.landscape.embedded;

/**
 * A start-up problem the user can fix: {@link StartupFailureAnalyzer} prints its message and the
 * action as the only output instead of a stack trace.
 */
public class StartupFailure extends RuntimeException {

	private final String action;

	public StartupFailure(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
