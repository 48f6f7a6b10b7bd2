package fr.opus.contacts.api;

import java.util.List;

/** The job seeker's file (dossier du DE): the person and every act done for them on offers, newest first. */
public record JobSeekerFile(JobSeeker jobSeeker, List<Referral> referrals) {
}
