/**
 * A lost status link: the applicant gives the reference (the application's id) and the
 * contact's e-mail address; when they match, the status token is replaced (the old link
 * stops working) and the new absolute link to the status page is mailed to the contact.
 * The answer is the same whether they match or not, the work is done after it, and the
 * token is never logged nor published.
 */
package org.membership.onboarding.statuslink;
