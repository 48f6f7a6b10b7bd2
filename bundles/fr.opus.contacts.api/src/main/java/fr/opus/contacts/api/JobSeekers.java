package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/** The job seekers of a partner. Counsellors and the RGC act for their own partner's; operators see all. */
public interface JobSeekers {

    JobSeeker create(Caller by, JobSeekerDraft draft);

    JobSeeker update(Caller by, String jobSeekerId, JobSeekerDraft draft);

    /** A job seeker; another partner's answers 404. Reading is audited (personal data). */
    JobSeeker get(Caller by, String jobSeekerId);

    /**
     * The caller's partner's job seekers whose last name (then first name) starts with {@code text}, accents and
     * case aside, or whose France Travail identifier is {@code text}; all when blank.
     */
    List<JobSeeker> find(Caller by, String text, int limit);

    /** The job seeker's file: the person and every act done for them. Audited. */
    JobSeekerFile file(Caller by, String jobSeekerId);
}
