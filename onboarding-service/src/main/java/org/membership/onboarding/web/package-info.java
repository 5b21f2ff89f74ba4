/**
 * HTTP: the JSON API (docs/onboarding-service.md, "HTTP API"), the application form at
 * {@code /}, the applicant's status page and the staff console at {@code /staff}.
 * Requests are validated here; the rules are the same for the API and the form.
 */
package org.membership.onboarding.web;
