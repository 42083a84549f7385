/** The one rule of an amount of money, which orders, billing and notifications all apply. */
package homework.arch.platform.money;
