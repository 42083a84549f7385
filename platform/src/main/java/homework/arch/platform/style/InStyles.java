package homework.arch.platform.style;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that exists only in the styles named: in any other style {@link StyleBeans} removes it
 * before the container starts, with its producers, observers and resource paths. A bean without it
 * exists in every style. The beans that make a style are found by searching for this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InStyles {
    Style[] value();
}
