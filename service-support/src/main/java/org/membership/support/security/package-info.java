/**
 * Who may do what: staff users from configuration (bcrypt only), form login for consoles,
 * HTTP Basic and OAuth2 Bearer tokens for the JSON API.
 */
package org.membership.support.security;
