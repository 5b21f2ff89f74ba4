/**
 * The public face of the directory: the JSON API under {@code /api/members} and the
 * server-rendered page {@code /members}.
 */
package org.membership.directory.web;
