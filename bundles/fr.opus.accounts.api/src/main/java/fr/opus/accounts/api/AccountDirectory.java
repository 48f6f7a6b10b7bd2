package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.util.List;

/**
 * People's accounts. Operators create France Travail accounts and designate each partner's RGC; the RGC creates
 * the partner's counsellors within the quota. Opus generates the login; the holder chooses the password through a
 * one-time activation link sent by mail.
 */
public interface AccountDirectory {

    /**
     * Creates an account pending activation and queues its activation mail. Operators create
     * {@code REGIONAL_OPERATOR}, {@code FT_AGENT} and {@code ACCOUNT_MANAGER} accounts (the last designates and
     * approves the partner's RGC, replacing the previous one); RGC create {@code COUNSELLOR} accounts of their
     * partner, each taking a seat of the quota, atomically.
     */
    Account createAccount(Caller by, Role role, String partnerId, PersonDraft person);

    Account account(Caller by, String accountId);

    /** A partner's accounts ({@code partnerId} null: France Travail's, for operators). */
    List<Account> accounts(Caller by, String partnerId);

    /** Switches an account off and frees its seat; its tokens stop working at once. */
    Account deactivate(Caller by, String accountId, String reason);

    /** Switches an account back on, taking a seat again if one is free. */
    Account reactivate(Caller by, String accountId);

    /** Sends a fresh activation link, the previous ones stop working. */
    Account resendActivation(Caller by, String accountId);

    /** The seat counter of a partner. */
    Seats seats(Caller by, String partnerId);

    /** Sets the first password through an activation link (no caller: the link is the credential). */
    Account activate(String activationToken, String newPassword, String remoteAddress);

    void changePassword(Caller by, String currentPassword, String newPassword);

    /**
     * Everything held about one person (right of access): the person, their RGC or an operator may ask. Audited.
     */
    PersonalData personalData(Caller by, String accountId);

    /**
     * Corrects a person's name or e-mail (right to rectification): the person, their RGC or an operator, with a
     * reason kept in the audit trail. The login stays.
     */
    Account rectify(Caller by, String accountId, PersonDraft corrected, String reason);
}
