/**
 * One look for every page of every service: the links between the services' pages, the
 * model every page template reads ({@code site}, {@code association}), the shared layout
 * and stylesheet ({@code templates/membership/}, {@code static/membership/}), the staff
 * login page and each service's way in at {@code /}.
 */
package org.membership.support.web;
