-- Set by reconciliation: ESR has echoed this absence (our reference) but not with the values we last sent (absence
-- type, start, end). Only explains why an absence needs attention once the window has passed; ESR may simply not
-- have processed our latest file yet.
alter table absence add column echo_differs boolean not null default false;
