package fr.opus.preselection.impl;

import fr.opus.contacts.api.ReferralState;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.DomainEventHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Follows core's acts: when the mise en relation (or convocation) a candidacy rests on moves outside the module — the
 * counsellor withdraws it through core, the offer closes and core makes it obsolete, the employer's answer is recorded
 * on the act, or the module's own commit failed after core's move — the candidacy takes the matching state. Events of
 * acts that are not candidacies are ignored; a replayed event changes nothing.
 */
@Component(service = DomainEventHandler.class, property = {
    DomainEventHandler.NAME + "=" + ReferralStateHandler.NAME,
    DomainEventHandler.TYPES + "=referral.state-changed"})
public class ReferralStateHandler implements DomainEventHandler {

    static final String NAME = "preselection.referrals";

    private final PreselectionManager preselections;

    @Activate
    public ReferralStateHandler(@Reference PreselectionManager preselections) {
        this.preselections = preselections;
    }

    @Override
    public void handle(DomainEvent event) {
        Object referralId = event.data().get("referralId");
        Object to = event.data().get("to");
        if (referralId == null || to == null) {
            return;
        }
        preselections.actMoved(referralId.toString(), ReferralState.valueOf(to.toString()));
    }
}
