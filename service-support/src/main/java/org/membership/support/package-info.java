/**
 * What every service shares, once, as Spring Boot auto-configurations: one package per
 * concern (the association, problem details, paging, staff security, dead letters, the
 * outbox, metric names). This package holds only the little those packages share with
 * each other: the service's name and the way settings are defaulted.
 */
package org.membership.support;
