package org.membership.support.paging;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * One paging policy for every paged list: default 20, maximum 100, bad parameters
 * answered 400.
 */
@AutoConfiguration
public class PagingAutoConfiguration {

}
