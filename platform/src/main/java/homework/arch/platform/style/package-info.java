/**
 * The interaction style of an installation ({@link homework.arch.platform.style.Style}) and the
 * beans that make each one ({@link homework.arch.platform.style.InStyles}).
 */
package homework.arch.platform.style;
