package org.membership.support.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.membership.support.problem.Problems;
import org.membership.support.security.StaffOnlyApi;
import org.membership.support.security.StaffSecurityRules;
import org.membership.support.security.StaffSecurityRules.Access;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;

/**
 * What every service's OpenAPI document shares, added to each operation from what the
 * service already declares, so that nothing is listed twice:
 * <ul>
 * <li>the security schemes (HTTP Basic, Bearer JWT) on each operation that needs STAFF,
 * as the service's {@link StaffSecurityRules} and service-support's {@link StaffOnlyApi}
 * paths say, with its 401 and 403;</li>
 * <li>the problem details ({@code application/problem+json}) of the errors that apply:
 * 400 where there is input, 404 where the path names a resource, 409 where a request
 * changes one, 413 and 415 where there is a body, 500 everywhere.</li>
 * </ul>
 * An operation that documents a response or a security requirement itself
 * ({@code @ApiResponse}, {@code @SecurityRequirement}) keeps its own.
 */
final class ApiDocumentation implements OpenApiCustomizer {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerAuth";

	static final String PROBLEM = "ProblemDetail";

	static final String FIELD_PROBLEM = "FieldProblem";

	private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	/** The problem responses, by status, as named in {@code components.responses}. */
	private static final Map<String, Problem> PROBLEMS = Map.of("400",
			new Problem("InvalidInput", "Invalid input: each bad field or query parameter is named in errors."), "401",
			new Problem("Unauthenticated",
					"No credentials, a wrong password or a refused token: HTTP Basic or a Bearer token of a staff"
							+ " user is needed."),
			"403", new Problem("Forbidden", "The user does not have the role STAFF."), "404",
			new Problem("NotFound", "No such resource."), "409",
			new Problem("Conflict",
					"The request conflicts with the resource's current state, e.g. it was already"
							+ " decided, already replayed, or changed at the same time."),
			"413", new Problem("ContentTooLarge", "The request body is larger than the service accepts."), "415",
			new Problem("UnsupportedMediaType", "The request body is not application/json."), "500",
			new Problem("InternalError", "An error on the service's side; it has been logged."));

	private final StaffSecurityRules rules;

	private final List<StaffOnlyApi> staffOnly;

	ApiDocumentation(StaffSecurityRules rules, List<StaffOnlyApi> staffOnly) {
		this.rules = rules;
		this.staffOnly = List.copyOf(staffOnly);
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		addComponents(api.getComponents());
		if (api.getPaths() != null) {
			api.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> document(path, HttpMethod.valueOf(method.name()), operation)));
		}
	}

	/**
	 * Whether {@code method} on {@code path} needs STAFF, as the filter chain decides.
	 */
	boolean needsStaff(HttpMethod method, String path) {
		return this.staffOnly.stream().anyMatch((api) -> api.matches(method, path))
				|| this.rules.apiAccess(method, path) == Access.STAFF;
	}

	private void document(String path, HttpMethod method, Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		boolean staff = needsStaff(method, path);
		boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty())
				|| operation.getRequestBody() != null;
		boolean resource = path.contains("{");
		if (staff && operation.getSecurity() == null) {
			operation.setSecurity(
					List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
		}
		addProblem(operation, "400", input);
		addProblem(operation, "401", staff);
		addProblem(operation, "403", staff);
		addProblem(operation, "404", resource);
		addProblem(operation, "409", resource && CHANGES.contains(method));
		addProblem(operation, "413", operation.getRequestBody() != null);
		addProblem(operation, "415", operation.getRequestBody() != null);
		addProblem(operation, "500", true);
	}

	private static void addProblem(Operation operation, String status, boolean applies) {
		if (applies && !operation.getResponses().containsKey(status)) {
			operation.getResponses()
				.addApiResponse(status,
						new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status).name()));
		}
	}

	private static void addComponents(Components components) {
		components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("basic")
			.description("A staff user's name and password. Each check costs a bcrypt hash (about 90 ms of CPU):"
					+ " API clients exchange it once for a Bearer token."));
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("A signed JWT carrying the role STAFF: from POST /api/staff/token on the onboarding-service"
					+ " (HTTP Basic), or from the issuer the service is configured to trust."));
		components.addSchemas(FIELD_PROBLEM,
				new ObjectSchema().description("One bad field of the body or one bad query parameter.")
					.addProperty("field",
							new StringSchema().description("The JSON path (organisation.country) or parameter name"))
					.addProperty("message", new StringSchema().description("What is wrong with it"))
					.required(List.of("field", "message")));
		components.addSchemas(PROBLEM,
				new ObjectSchema().description("RFC 9457 problem details, the shape of every error.")
					.addProperty("type",
							new StringSchema().format("uri")
								.description("The problem's type: " + Problems.TYPE_PREFIX + "<slug>")
								.example(Problems.INVALID_INPUT.toString()))
					.addProperty("title", new StringSchema().description("A short summary of the problem type"))
					.addProperty("status", new IntegerSchema().description("The HTTP status code"))
					.addProperty("detail", new StringSchema().description("What went wrong, for a person"))
					.addProperty("instance", new StringSchema().format("uri").description("The path of the request"))
					.addProperty(Problems.ERRORS,
							new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
								.description("Invalid input only (400): every bad field or query parameter")));
		PROBLEMS.forEach((status, problem) -> components.addResponses(problem.name(),
				new ApiResponse().description(problem.description())
					.content(new Content().addMediaType(
							org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
	}

	private record Problem(String name, String description) {
	}

}
