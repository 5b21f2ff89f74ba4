/**
 * The paging policy of every paged list, and the 400 problem details for a bad page, size
 * or sort.
 */
package org.membership.support.paging;
