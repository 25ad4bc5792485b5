-- Deletes a join code only while it still opens the given workshop: a code released late (an old code
-- after a new one was issued, a claim given up) never takes away a code another workshop holds now.
-- KEYS[1] the code key; ARGV[1] the workshop id. Returns 1 when deleted, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
