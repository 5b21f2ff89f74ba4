package org.membership.support.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.membership.support.problem.InvalidInputException;
import org.membership.support.problem.ParameterNames;
import org.membership.support.problem.Problems;
import org.membership.support.problem.Problems.FieldProblem;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.data.domain.Pageable;
import org.springframework.validation.beanvalidation.MethodValidationAdapter;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks every query parameter of a paged endpoint at once, before Spring MVC binds any:
 * {@code page}, {@code size} and {@code sort} against the paging policy and the sort
 * properties the endpoint declares ({@link SortableBy}), and each {@code @RequestParam}
 * for presence, type ({@code status=LOST}) and its Bean Validation constraints
 * ({@code tier=GOLD}). Every bad parameter is listed in one 400; Spring MVC alone would
 * stop at the first, and Spring Data would silently replace a bad page or size.
 */
class QueryParameterCheck implements HandlerInterceptor {

	private final PageRules rules;

	private final Supplier<ConversionService> conversionService;

	private final Supplier<MethodValidationAdapter> validation;

	QueryParameterCheck(PageRules rules, Supplier<ConversionService> conversionService, Supplier<Validator> validator) {
		this.rules = rules;
		// both looked up once, at the first paged request
		this.conversionService = SingletonSupplier.of(conversionService);
		this.validation = SingletonSupplier.of(() -> {
			Validator available = validator.get();
			return (available != null) ? new MethodValidationAdapter(available) : null;
		});
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			Optional<MethodParameter> pageable = pageableParameter(method);
			if (pageable.isPresent()) {
				List<FieldProblem> problems = new ArrayList<>(
						this.rules.check(request::getParameterValues, sortable(pageable.get())));
				problems.addAll(requestParameterProblems(method, request));
				if (!problems.isEmpty()) {
					throw new InvalidInputException(problems);
				}
			}
		}
		return true;
	}

	private static Optional<MethodParameter> pageableParameter(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.of(parameter);
			}
		}
		return Optional.empty();
	}

	private static Set<String> sortable(MethodParameter pageable) {
		SortableBy sortable = pageable.getParameterAnnotation(SortableBy.class);
		return (sortable != null) ? new LinkedHashSet<>(List.of(sortable.value())) : Collections.emptySet();
	}

	/**
	 * The problems of the method's {@code @RequestParam} parameters: missing, not
	 * convertible to the declared type, or breaking a constraint.
	 */
	private List<FieldProblem> requestParameterProblems(HandlerMethod method, HttpServletRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		MethodParameter[] parameters = method.getMethodParameters();
		Object[] arguments = new Object[parameters.length];
		Set<Integer> checked = new HashSet<>();
		for (MethodParameter parameter : parameters) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			String name = ParameterNames.of(parameter);
			String[] values = request.getParameterValues(name);
			boolean absent = values == null || (values.length == 1 && values[0].isEmpty());
			if (absent && !ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue())) {
				values = new String[] { annotation.defaultValue() };
				absent = false;
			}
			if (absent) {
				if (annotation.required() && !parameter.isOptional()) {
					problems.add(new FieldProblem(name, "is required"));
				}
				continue;
			}
			MethodParameter nested = parameter.nestedIfOptional();
			Object source = (values.length == 1) ? values[0] : values;
			try {
				Object value = this.conversionService.get()
					.convert(source, TypeDescriptor.forObject(source), new TypeDescriptor(nested));
				arguments[parameter.getParameterIndex()] = (parameter.getParameterType() == Optional.class)
						? Optional.ofNullable(value) : value;
				checked.add(parameter.getParameterIndex());
			}
			catch (ConversionException ex) {
				problems.add(new FieldProblem(name, Problems.invalidValue(nested.getNestedParameterType())));
			}
		}
		MethodValidationAdapter validation = this.validation.get();
		if (validation != null && !checked.isEmpty()) {
			MethodValidationResult result = validation.validateArguments(method.getBean(), method.getMethod(),
					parameters, arguments, validation.determineValidationGroups(method.getBean(), method.getMethod()));
			for (ParameterValidationResult parameter : result.getParameterValidationResults()) {
				// only the query parameters: the others are not bound yet
				if (checked.contains(parameter.getMethodParameter().getParameterIndex())) {
					String name = ParameterNames.of(parameter.getMethodParameter());
					for (MessageSourceResolvable error : parameter.getResolvableErrors()) {
						problems.add(new FieldProblem(name, error.getDefaultMessage()));
					}
				}
			}
		}
		return problems;
	}

}
