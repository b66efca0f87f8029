-- "Current" answers for the date-tracked types: the slice in force on a date (README §7.3: start <= d and
-- (end is null or d <= end)), for rows ESR has not deleted or a full refresh ended. The *_as_of(d) functions answer
-- for any date; the current_* views for today in Europe/London (ESR dates are UK civil dates).

create function person_as_of(d date) returns setof person
    language sql stable
as $$
    select * from person
    where record_status = 'CURRENT' and effective_start <= d and (effective_end is null or d <= effective_end)
$$;

create function assignment_as_of(d date) returns setof assignment
    language sql stable
as $$
    select * from assignment
    where record_status = 'CURRENT' and effective_start <= d and (effective_end is null or d <= effective_end)
$$;

create function position_as_of(d date) returns setof "position"
    language sql stable
as $$
    select * from position
    where record_status = 'CURRENT' and effective_start <= d and (effective_end is null or d <= effective_end)
$$;

create view current_person as
select * from person_as_of((now() at time zone 'Europe/London')::date);

create view current_assignment as
select * from assignment_as_of((now() at time zone 'Europe/London')::date);

create view current_position as
select * from position_as_of((now() at time zone 'Europe/London')::date);
