/**
 * The HTTP surface of billing: the public account, deposit, withdrawal and ledger endpoints, the
 * internal account-opening endpoint for users, their request/response records, and the form in
 * which a movement's outcome is answered (and replayed).
 */
package homework.arch.billing.api;
