package org.membership.support.paging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The sort properties a paged endpoint accepts, on its {@code Pageable} parameter:
 * {@code @SortableBy({"name", "memberSince"}) Pageable pageable}. Any other {@code sort}
 * property is answered 400; without this annotation the list has a fixed order and every
 * {@code sort} is answered 400.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SortableBy {

	/** The properties, as clients write them in {@code sort=property,direction}. */
	String[] value();

}
