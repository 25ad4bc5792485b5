-- Keeps the answer to a command that appended nothing (refused, or changed nothing), unless its ref was
-- answered before: a resend must hear the first answer, even when deciding it again now says otherwise.
-- KEYS[1] the command's ref key; ARGV[1] the answer, ARGV[2] ref TTL seconds.
-- Returns the answer that stands: the earlier one, or ARGV[1].
local earlier = redis.call('GET', KEYS[1])
if earlier then return earlier end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return ARGV[1]
