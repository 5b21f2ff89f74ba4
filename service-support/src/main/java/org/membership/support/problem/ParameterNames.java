package org.membership.support.problem;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The name by which a client knows a handler method's parameter, so that a problem names
 * what the client sent rather than a Java parameter.
 */
public final class ParameterNames {

	private static final ParameterNameDiscoverer DISCOVERER = new DefaultParameterNameDiscoverer();

	private ParameterNames() {
	}

	/**
	 * The name a client used for a method parameter: the query parameter, header, path
	 * variable or cookie it is bound to.
	 */
	public static String of(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null) {
			return named(parameter, param.name(), param.value());
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null) {
			return named(parameter, header.name(), header.value());
		}
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (variable != null) {
			return named(parameter, variable.name(), variable.value());
		}
		CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
		if (cookie != null) {
			return named(parameter, cookie.name(), cookie.value());
		}
		return named(parameter, "", "");
	}

	private static String named(MethodParameter parameter, String name, String value) {
		if (!name.isEmpty()) {
			return name;
		}
		if (!value.isEmpty()) {
			return value;
		}
		// the resolvers set this up at the first binding; a check before it needs it too
		parameter.initParameterNameDiscovery(DISCOVERER);
		String declared = parameter.getParameterName();
		return (declared != null) ? declared : "parameter " + parameter.getParameterIndex();
	}

}
