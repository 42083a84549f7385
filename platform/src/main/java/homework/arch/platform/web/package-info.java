/** HTTP guards every service applies before a request reaches a resource. */
package homework.arch.platform.web;
