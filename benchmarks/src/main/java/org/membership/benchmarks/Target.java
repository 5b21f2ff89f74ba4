package org.membership.benchmarks;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** Gatling's HTTP settings for the service under measure. */
final class Target {

	private Target() {
	}

	static HttpProtocolBuilder http(BenchmarkSettings settings) {
		// no warm-up request: Gatling's default one goes to a host on the internet
		return http.baseUrl(settings.requireOnboardingUrl().toString())
			.disableWarmUp()
			.disableCaching()
			.acceptHeader("application/json")
			.userAgentHeader("membership-benchmarks");
	}

}
