-- Attachments of queued mails (a presentation's list of candidates as a PDF), written in the same transaction as
-- their mail and sent with it as a multipart message.

CREATE TABLE ATTACHMENT (
    MAIL_KEY      VARCHAR(200) NOT NULL,
    SEQ           INTEGER      NOT NULL,
    FILE_NAME     VARCHAR(200) NOT NULL,
    CONTENT_TYPE  VARCHAR(100) NOT NULL,
    CONTENT       BLOB(16M)    NOT NULL,
    PRIMARY KEY (MAIL_KEY, SEQ)
);
