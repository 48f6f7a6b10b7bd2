-- The transactional mail outbox: a capability inserts a row in the same transaction as the change that causes the
-- mail; the sender delivers PENDING rows over SMTP, with retries, and marks them SENT (or FAILED after its last try).
-- MAIL_KEY makes queuing idempotent; MESSAGE_ID is fixed at queuing so that a resend after a crash carries the same
-- Message-ID header.

CREATE TABLE OUTBOX (
    ID               BIGINT         NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    MAIL_KEY         VARCHAR(200)   NOT NULL,
    RECIPIENT        VARCHAR(254)   NOT NULL,
    SUBJECT          VARCHAR(300)   NOT NULL,
    BODY             VARCHAR(32000) NOT NULL,
    MESSAGE_ID       VARCHAR(200)   NOT NULL,
    STATUS           VARCHAR(10)    NOT NULL,
    ATTEMPTS         INTEGER        NOT NULL DEFAULT 0,
    CREATED_AT       TIMESTAMP      NOT NULL,
    NEXT_ATTEMPT_AT  TIMESTAMP      NOT NULL,
    SENT_AT          TIMESTAMP,
    LAST_ERROR       VARCHAR(1000),
    CONSTRAINT OUTBOX_KEY UNIQUE (MAIL_KEY)
);
CREATE INDEX OUTBOX_DUE ON OUTBOX (STATUS, NEXT_ATTEMPT_AT);
