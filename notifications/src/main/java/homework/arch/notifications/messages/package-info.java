/**
 * Messages sent through the API ({@code POST /notifications}), addressed with the email the user
 * registered in users.
 */
package homework.arch.notifications.messages;
