/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI of every service, set up
 * once: the JSON API only, the security schemes on STAFF operations, the problem details
 * of each error.
 */
package org.membership.support.openapi;
