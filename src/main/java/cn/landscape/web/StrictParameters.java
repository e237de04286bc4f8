package cn.landscape.web;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Parameters mean what they say. Spring reads numbers with Integer.decode, so {@code limit=0x10} would be
 * 16 and {@code limit=010} 8: here a number is decimal digits. A parameter given with an empty value
 * ({@code format=}) is an error, not its default, and no parameter holds a control character.
 */
@ControllerAdvice
class StrictParameters implements WebMvcConfigurer {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,19}");

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");

	/**
	 * Editors, not converters: a binder falls back from a failed conversion to its default editors, which
	 * decode hexadecimal; a custom editor is asked first and alone.
	 */
	@InitBinder
	void decimalNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
		binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
		binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
		binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
	}

	private static final class Decimal extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		Decimal(Function<String, Number> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			String value = text == null ? "" : text.strip();
			if (value.isEmpty()) {
				setValue(null);
				return;
			}
			if (!DECIMAL.matcher(value).matches()) {
				throw new IllegalArgumentException("not a decimal number: " + text);
			}
			setValue(parse.apply(value));
		}

	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method) {
					for (MethodParameter parameter : method.getMethodParameters()) {
						RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
						String name = param == null ? null : !param.name().isEmpty() ? param.name() : parameter.getParameterName();
						String[] values = name == null ? null : request.getParameterValues(name);
						if (values != null && values.length > 0 && values[0].isEmpty()) {
							throw new BadParameterException(name,
									"empty. Give a value, or leave the parameter out for its default.");
						}
						if (values != null && Arrays.stream(values).anyMatch(v -> CONTROL.matcher(v).find())) {
							throw new BadParameterException(name, "contains a control character (such as %00 or %0D).");
						}
					}
				}
				return true;
			}
		});
	}

}
