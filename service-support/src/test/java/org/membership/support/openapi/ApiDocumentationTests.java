package org.membership.support.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;
import org.membership.support.security.StaffOnlyApi;
import org.membership.support.security.StaffSecurityRules;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security schemes go on exactly the operations the service's rules give to STAFF,
 * and each operation gets the problem responses that apply to it, keeping its own.
 */
class ApiDocumentationTests {

	private final ApiDocumentation documentation = new ApiDocumentation(
			StaffSecurityRules.staffByDefault()
				.open(HttpMethod.POST, "/api/applications")
				.open(HttpMethod.GET, "/api/applications/*/status"),
			List.of(StaffOnlyApi.paths("/api/dead-letters/**")));

	@Test
	void staffOperationsCarryBasicAndBearerWithTheir401And403() {
		OpenAPI api = document();

		Operation approve = api.getPaths().get("/api/applications/{id}/approval").getPost();
		assertThat(approve.getSecurity()).containsExactly(new SecurityRequirement().addList(ApiDocumentation.BASIC),
				new SecurityRequirement().addList(ApiDocumentation.BEARER));
		assertThat(approve.getResponses()).containsKeys("401", "403");
		assertThat(api.getPaths().get("/api/dead-letters").getGet().getSecurity()).hasSize(2);
		assertThat(api.getComponents().getSecuritySchemes()).containsKeys(ApiDocumentation.BASIC,
				ApiDocumentation.BEARER);
	}

	@Test
	void openOperationsCarryNoSecurity() {
		OpenAPI api = document();

		Operation submit = api.getPaths().get("/api/applications").getPost();
		Operation status = api.getPaths().get("/api/applications/{id}/status").getGet();
		assertThat(submit.getSecurity()).isNull();
		assertThat(status.getSecurity()).isNull();
		assertThat(submit.getResponses()).doesNotContainKeys("401", "403");
		// the list shares the path of the open submission, but not its method
		assertThat(api.getPaths().get("/api/applications").getGet().getSecurity()).hasSize(2);
	}

	@Test
	void problemResponsesApplyWhereTheyCanHappen() {
		OpenAPI api = document();

		assertThat(api.getPaths().get("/api/applications").getPost().getResponses()).containsOnlyKeys("201", "400",
				"413", "415", "422", "500");
		assertThat(api.getPaths().get("/api/applications/{id}/approval").getPost().getResponses())
			.containsOnlyKeys("200", "400", "401", "403", "404", "409", "413", "415", "500");
		assertThat(api.getPaths().get("/api/dead-letters").getGet().getResponses()).containsOnlyKeys("200", "401",
				"403", "500");
		ApiResponse conflict = api.getPaths()
			.get("/api/applications/{id}/approval")
			.getPost()
			.getResponses()
			.get("409");
		assertThat(conflict.get$ref()).isEqualTo("#/components/responses/Conflict");
		assertThat(api.getComponents().getResponses().get("Conflict").getContent())
			.containsKey("application/problem+json");
		assertThat(api.getComponents().getSchemas()).containsKeys(ApiDocumentation.PROBLEM,
				ApiDocumentation.FIELD_PROBLEM);
	}

	@Test
	void anOperationKeepsWhatItDocumentsItself() {
		OpenAPI api = document();

		Operation submit = api.getPaths().get("/api/applications").getPost();
		assertThat(submit.getResponses().get("422").getDescription()).isEqualTo("its own");
	}

	private OpenAPI document() {
		Paths paths = new Paths();
		paths.addPathItem("/api/applications",
				new PathItem().get(operation("200"))
					.post(operation("201").requestBody(new RequestBody())
						.responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("Submitted"))
							.addApiResponse("422", new ApiResponse().description("its own")))));
		paths.addPathItem("/api/applications/{id}/approval",
				new PathItem().post(operation("200").requestBody(new RequestBody()).addParametersItem(id())));
		paths.addPathItem("/api/applications/{id}/status",
				new PathItem().get(operation("200").addParametersItem(id())));
		paths.addPathItem("/api/dead-letters", new PathItem().get(operation("200")));
		OpenAPI api = new OpenAPI().paths(paths);
		this.documentation.customise(api);
		return api;
	}

	private static Operation operation(String status) {
		return new Operation().responses(new ApiResponses().addApiResponse(status, new ApiResponse()));
	}

	private static PathParameter id() {
		return (PathParameter) new PathParameter().name("id");
	}

}
