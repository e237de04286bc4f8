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

}
