package io.github.mobileid.selfservice.api;

/**
 * The optional body of {@code POST /api/mobile-ids/{id}/lock}.
 *
 * @param reason an RFC 5280 reason name; null means {@code unspecified}
 * @param getNewMobileId whether to go on to get a new mobile ID; null means false
 * @param confirmationRequired whether the owner confirms in Tasklist first; null means true
 */
record LockCommand(String reason, Boolean getNewMobileId, Boolean confirmationRequired) {

    static final LockCommand DEFAULT = new LockCommand(null, null, null);
}
