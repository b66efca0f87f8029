-- The transactional outbox of webhook notifications (support.notification). An event row is written in the same
-- transaction as the change it tells of, with one delivery row per configured endpoint that subscribes to its type;
-- the leader's dispatcher POSTs each delivery until the endpoint accepts it (at least once) or it goes DEAD.
create table if not exists notification_event (
    id          bigint generated always as identity primary key,
    -- the webhook-id header: the same on every attempt and replay, so a receiver can drop duplicates
    event_id    text        not null unique,
    type        text        not null,
    -- what the event is about (a worker, a file, an absence): one entity's events are delivered in order
    entity      text        not null,
    -- set when an event must be told once only (a registration's 30-day notice, a period's overdue export)
    once_key    text,
    -- the exact bytes sent (signed at each attempt): every attempt and replay sends the same body
    body        text        not null,
    created_at  timestamptz not null,
    unique (type, once_key)
);

create table if not exists notification_delivery (
    id               bigint generated always as identity primary key,
    event_id         bigint      not null references notification_event (id) on delete cascade,
    endpoint         text        not null,
    entity           text        not null,
    state            text        not null check (state in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    unique (event_id, endpoint)
);

-- the dispatcher's question: each endpoint's oldest pending delivery per entity
create index if not exists notification_delivery_pending
    on notification_delivery (endpoint, entity, id) where state = 'PENDING';
