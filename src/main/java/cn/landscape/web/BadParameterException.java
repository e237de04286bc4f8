package cn.landscape.web;

/** A request parameter the user must change: answered 400 naming it. */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super("Parameter '" + parameter + "': " + message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}

	public static int range(String parameter, Integer value, int defaultValue, int min, int max) {
		int v = value == null ? defaultValue : value;
		if (v < min || v > max) {
			throw new BadParameterException(parameter, "must be between " + min + " and " + max + ", was " + v);
		}
		return v;
	}

}
