-- The memory of the life-cycle jobs (LifecycleJobs): one row per notice already given — an inactivity warning, a
-- reminder of a convention's end, a quarterly review mail, a missing-RGC alert — under the same key as its mails,
-- inserted in the transaction that queues them. A job that finds its key here has nothing left to do, so runs are
-- idempotent across restarts, and a notice is given (and audited) once even when nobody could be mailed.
-- State changes (deactivation, termination) need no row: the account's or convention's status is their memory.

CREATE TABLE LIFECYCLE_NOTICE (
    NOTICE_KEY    VARCHAR(160) NOT NULL PRIMARY KEY,
    SUBJECT_TYPE  VARCHAR(30)  NOT NULL,
    SUBJECT_ID    VARCHAR(80)  NOT NULL,
    GIVEN_AT      TIMESTAMP    NOT NULL
);
CREATE INDEX LIFECYCLE_NOTICE_SUBJECT ON LIFECYCLE_NOTICE (SUBJECT_ID);
