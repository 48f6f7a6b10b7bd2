-- Opus's life-cycle automation of offers (DOMAIN §3): the no-movement alert, the follow-up letter and its answer,
-- the closure when the employer did not answer within the delay. One row per offer once any of it happened; the jobs
-- read and write only here, so that a run repeated after a crash does nothing twice.

CREATE TABLE OFFER_FOLLOW_UP (
    OFFER_ID         VARCHAR(20)   NOT NULL PRIMARY KEY,
    QUIET_ALERT_AT   TIMESTAMP,
    -- the follow-up cycle starts again from here after a "still open" answer
    CYCLE_FROM       TIMESTAMP,
    LETTER_SENT_AT   TIMESTAMP,
    ANSWER_DUE_AT    TIMESTAMP,
    ANSWERED_AT      TIMESTAMP,
    ANSWERED_BY      VARCHAR(80),
    STILL_OPEN       SMALLINT,
    ANSWER_COMMENT   VARCHAR(1000),
    CLOSED_AT        TIMESTAMP
);
CREATE INDEX OFFER_FOLLOW_UP_DUE ON OFFER_FOLLOW_UP (ANSWER_DUE_AT);
