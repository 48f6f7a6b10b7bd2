-- In-process handlers of domain events (fr.opus.platform.api.events.DomainEventHandler, a whiteboard service of
-- other bundles). Publishing an event inserts, in the publisher's transaction, one PENDING HANDLING row per handler
-- registered at that moment whose types match; the outbox's poll loop then calls the handler with the event and
-- marks the row DONE, or retries it after a growing delay until FAILED. A row is kept under the handler's stable name
-- (its "opus.event.handler" service property), not under a service: while no handler of that name is registered
-- (module stopped or uninstalled), its rows stay PENDING untouched and are handled once it is back.
--
-- One row per handler and event (HANDLING_ONCE). ID follows publication order; a handler's rows are handled in that
-- order. Rows do not depend on webhook subscriptions: an event no subscription wants still reaches the handlers.

CREATE TABLE HANDLING (
    ID               BIGINT         NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    HANDLER_NAME     VARCHAR(100)   NOT NULL,
    EVENT_ID         VARCHAR(100)   NOT NULL REFERENCES EVENT (ID),
    -- PENDING, DONE or FAILED
    STATUS           VARCHAR(10)    NOT NULL,
    ATTEMPTS         INTEGER        NOT NULL DEFAULT 0,
    CREATED_AT       TIMESTAMP      NOT NULL,
    NEXT_ATTEMPT_AT  TIMESTAMP      NOT NULL,
    LAST_ATTEMPT_AT  TIMESTAMP,
    -- the exception of the last failed attempt: its class and message
    LAST_ERROR       VARCHAR(1000),
    DONE_AT          TIMESTAMP,
    CONSTRAINT HANDLING_ONCE UNIQUE (HANDLER_NAME, EVENT_ID),
    CONSTRAINT HANDLING_STATUS CHECK (STATUS IN ('PENDING', 'DONE', 'FAILED'))
);
CREATE INDEX HANDLING_QUEUE ON HANDLING (HANDLER_NAME, STATUS, ID);
CREATE INDEX HANDLING_DUE ON HANDLING (STATUS, NEXT_ATTEMPT_AT);
